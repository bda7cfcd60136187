import { describe, expect, it } from '@jest/globals';
import { planApprovedAudience, renderPilotMail, type PilotMailData } from './pilot-mail.js';

const data: PilotMailData = {
  topic: 'plan-approved',
  audience: 'managers',
  recipientName: 'Johan Ek',
  title: 'Sensormattor mot fall nattetid',
  testbedName: 'Simuleringscentrum',
  timezone: 'Europe/Stockholm',
  startsAt: '2027-03-02T07:00:00.000Z',
  endsAt: '2027-03-30T14:00:00.000Z',
  dueAt: null,
  metricKeys: [],
  link: 'http://localhost:3000/api/v1/pilots/1',
};

describe('pilot e-mail', () => {
  it('tells the side whose turn it is that the other side approved the plan', () => {
    expect(planApprovedAudience('company')).toEqual(['managers']);
    expect(planApprovedAudience('testbed')).toEqual(['company']);
    expect(renderPilotMail('sv', data).text).toContain('Företaget har godkänt planen för piloten i Simuleringscentrum');
    expect(renderPilotMail('en', { ...data, audience: 'company' }).subject).toBe(
      'The pilot plan awaits your approval: Sensormattor mot fall nattetid',
    );
  });

  it('names the metrics and the due time on the test bed’s clock when measurements are requested', () => {
    const mail = renderPilotMail('en', {
      ...data,
      topic: 'measurement-requested',
      audience: 'company',
      dueAt: '2027-03-09T07:00:00.000Z',
      metricKeys: ['falls', 'visits'],
    });
    expect(mail.text).toContain('is due to report falls, visits for the period up to 9 March 2027 08:00');
    expect(mail.html).toContain('<a href="http://localhost:3000/api/v1/pilots/1">');
  });
});
