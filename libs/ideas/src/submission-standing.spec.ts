import { describe, expect, it } from '@jest/globals';
import type { Actor, ActorMembership } from '@slussen/core';
import type { Submitter } from './idea-status.js';
import { submissionStanding } from './ideas.service.js';

const REGION = '00000000-0000-4000-8000-000000000001';
const COMPANY = '00000000-0000-4000-8000-000000000002';
const OTHER_COMPANY = '00000000-0000-4000-8000-000000000003';

const person = (...memberships: ActorMembership[]): Actor => ({
  type: 'user',
  id: 'u',
  userId: 'u',
  platformAdmin: false,
  memberships,
  sessionId: null,
});
const staff = person({ organizationId: REGION, organizationKind: 'region', role: 'member' });
const company = person({ organizationId: COMPANY, organizationKind: 'company', role: 'member' });
const twoCompanies = person(
  { organizationId: COMPANY, organizationKind: 'company', role: 'member' },
  { organizationId: OTHER_COMPANY, organizationKind: 'company', role: 'admin' },
);
const nobody = person();
const sluice = (...submitters: Submitter[]) => ({
  organizationId: REGION,
  organizationName: 'Region Sluss',
  submitters,
});

/** The organization a submission is made for, or the problem's code. */
const standing = (actor: Actor, submitters: Submitter[], kind: 'need' | 'idea', organizationId?: string) => {
  try {
    return submissionStanding(actor, sluice(...submitters), kind, organizationId);
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('who submits what to a sluice', () => {
  it('takes needs from its own staff, for the organization that runs it', () => {
    expect(standing(staff, ['staff'], 'need')).toBe(REGION);
    expect(standing(company, ['staff', 'companies'], 'need')).toBe('forbidden');
    expect(standing(staff, ['companies'], 'need')).toBe('forbidden');
  });

  it('takes ideas from companies, for the company (named when the person has several)', () => {
    expect(standing(company, ['companies'], 'idea')).toBe(COMPANY);
    expect(standing(staff, ['staff', 'companies'], 'idea')).toBe('forbidden');
    expect(standing(twoCompanies, ['companies'], 'idea')).toBe('validation');
    expect(standing(twoCompanies, ['companies'], 'idea', OTHER_COMPANY)).toBe(OTHER_COMPANY);
    expect(standing(company, ['companies'], 'idea', OTHER_COMPANY)).toBe('forbidden');
  });

  it('takes either from anyone signed in when it is open to anyone, for the person alone', () => {
    expect(standing(nobody, ['anyone'], 'need')).toBeNull();
    expect(standing(nobody, ['anyone'], 'idea')).toBeNull();
    expect(standing(nobody, ['staff', 'companies'], 'need')).toBe('forbidden');
    expect(standing(staff, ['staff', 'anyone'], 'need')).toBe(REGION);
  });

  it('says who the sluice takes submissions from', () => {
    expect(() => submissionStanding(company, sluice('staff', 'companies'), 'need')).toThrow(
      'Needs come from the staff of Region Sluss; companies submit ideas. This sluice takes submissions from the staff of the organization that runs it and companies.',
    );
  });
});
