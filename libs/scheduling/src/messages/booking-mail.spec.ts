import { describe, expect, it } from '@jest/globals';
import { AUDIENCE, renderBookingMail, type BookingMailData } from './booking-mail.js';

const data: BookingMailData = {
  topic: 'requested',
  audience: 'managers',
  recipientName: 'Eva <Berg>',
  title: 'Digital tillsyn',
  status: 'pending',
  testbedName: 'Solgården',
  timezone: 'Europe/Stockholm',
  startsAt: '2027-03-01T08:00:00.000Z',
  endsAt: '2027-03-01T16:00:00.000Z',
  decisionDueAt: '2027-02-20T08:00:00.000Z',
  reason: null,
  link: 'https://slussen.example.se/bookings/1',
};

describe('booking e-mail', () => {
  it('speaks the recipient’s language, in the test bed’s time zone', () => {
    const sv = renderBookingMail('sv', data);
    expect(sv.subject).toBe('Ny bokningsförfrågan: Digital tillsyn');
    expect(sv.text).toContain('1 mars 2027 09:00 – 1 mars 2027 17:00 (Europe/Stockholm)');
    expect(sv.text).toContain('Besluta senast 20 februari 2027 09:00');
    const en = renderBookingMail('en', { ...data, topic: 'confirmed', audience: 'company' });
    expect(en.subject).toBe('Booking confirmed: Digital tillsyn');
    expect(en.text).toContain('calendar file is attached');
  });

  it('escapes what people typed in the HTML part', () => {
    expect(renderBookingMail('en', data).html).toContain('Eva &#60;Berg&#62;');
  });

  it('tells the company of every change of its booking; decision reminders go to managers only', () => {
    for (const [topic, audiences] of Object.entries(AUDIENCE))
      expect(audiences).toEqual(topic === 'decision-due' ? ['managers'] : expect.arrayContaining(['company']));
  });
});
