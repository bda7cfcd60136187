import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { IDEA_ACTIONS, IDEA_STATUSES, ideaActionsFrom, nextIdeaStatus, type IdeaStatus } from './idea-status.js';

describe('idea statuses', () => {
  it('follow the sluice: submitted, screening, accepted, piloting, closed', () => {
    expect(nextIdeaStatus('submitted', 'screen')).toBe('screening');
    expect(nextIdeaStatus('screening', 'accept')).toBe('accepted');
    expect(nextIdeaStatus('accepted', 'pilot')).toBe('piloting');
    expect(nextIdeaStatus('piloting', 'close')).toBe('closed');
    expect(nextIdeaStatus('accepted', 'close')).toBe('closed');
  });

  it('decline only before a decision to accept', () => {
    expect(nextIdeaStatus('submitted', 'decline')).toBe('declined');
    expect(nextIdeaStatus('screening', 'decline')).toBe('declined');
    expect(nextIdeaStatus('accepted', 'decline')).toBeNull();
    expect(nextIdeaStatus('piloting', 'decline')).toBeNull();
  });

  it('refuse what skips a step', () => {
    expect(nextIdeaStatus('submitted', 'accept')).toBeNull();
    expect(nextIdeaStatus('submitted', 'close')).toBeNull();
    expect(nextIdeaStatus('screening', 'pilot')).toBeNull();
    expect(nextIdeaStatus('screening', 'screen')).toBeNull();
  });

  it('never leave closed or declined', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<IdeaStatus>('closed', 'declined'),
        fc.constantFrom(...IDEA_ACTIONS),
        (status, action) => {
          expect(nextIdeaStatus(status, action)).toBeNull();
          expect(ideaActionsFrom(status)).toEqual([]);
        },
      ),
    );
  });

  it('only move forward, whatever sequence of actions is tried', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...IDEA_ACTIONS), { maxLength: 12 }), (actions) => {
        let status: IdeaStatus = 'submitted';
        for (const action of actions) {
          const next = nextIdeaStatus(status, action);
          if (next === null) continue;
          if (next !== 'declined' && next !== 'closed')
            expect(IDEA_STATUSES.indexOf(next)).toBeGreaterThan(IDEA_STATUSES.indexOf(status));
          status = next;
        }
        expect(IDEA_STATUSES).toContain(status);
      }),
    );
  });
});
