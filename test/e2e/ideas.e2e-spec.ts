// The journey of a need through an innovation sluice: a care-home nurse's need
// is submitted (similar ones shown while typing), screened, answered by a
// company, the answer accepted, matched to a test bed, booked with the need
// linked, and the confirmed booking moves the need to piloting; each side is
// told by e-mail (read from a real SMTP receiver) in its own language.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ManualClock } from '@slussen/core';
import { IdeasService } from '@slussen/ideas';
import { IdentityFactory, isolatedDatabase, type TestUser } from '@slussen/testing';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';
import { startSmtpReceiver, type ReceivedMail } from '../smtp-receiver.js';
import { createWorkerApp } from '../worker-app.js';

describe('ideas: a need through the sluice to a pilot', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let api: NestExpressApplication;
  let worker: INestApplication;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  const clock = new ManualClock();
  let hooks: Server;
  const webhooks: Array<{ type: string; data: { idea?: { id: string; status: string } } }> = [];

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    database = await isolatedDatabase();
    const env = {
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-ideas-${randomUUID().slice(0, 8)}`,
      OUTBOX_POLL_MS: '200',
      BOOKING_EXPIRY_EVERY_SECONDS: '3600',
      IDEA_REMINDER_SCAN_EVERY_SECONDS: '3600',
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
      WEBHOOK_ALLOW_HTTP: 'true',
    };
    hooks = createServer((incoming, response) => {
      let body = '';
      incoming.on('data', (chunk) => (body += chunk));
      incoming.on('end', () => {
        webhooks.push(JSON.parse(body));
        response.statusCode = 204;
        response.end();
      });
    });
    await new Promise<void>((ready) => hooks.listen(0, '127.0.0.1', ready));
    api = await createApiApp({ env, clock });
    worker = await createWorkerApp({ env });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.close();
    await new Promise((closed) => hooks.close(closed));
    await database.drop();
  });

  const http = () => request(api.getHttpServer());
  const as = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });
  const mailsTo = (user: TestUser, subject: RegExp) =>
    smtp.received.filter((mail) => mail.to === user.email && subject.test(mail.subject));
  const settle = async (predicate: (mails: ReceivedMail[]) => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !predicate(smtp.received)) await new Promise((done) => setTimeout(done, 100));
    // Anything sent twice would arrive within this extra wait.
    await new Promise((done) => setTimeout(done, 600));
  };

  it('takes a nurse’s need from submission to piloting, telling each side on the way', async () => {
    const factory = new IdentityFactory(api);
    const region = await factory.organization('region', { name: 'Region Sluss' });
    const manager = await factory.member(region.id, 'manager');
    const nurse = await factory.member(region.id, 'member');
    const company = await factory.organization('company', { name: 'Sensorbolaget AB' });
    const companyMember = await factory.member(company.id, 'admin');
    const otherCompany = await factory.organization('company');
    const otherCompanyMember = await factory.member(otherCompany.id, 'admin');
    await api.get(DataSource).query(`UPDATE users SET language = 'en' WHERE id = $1`, [companyMember.id]);
    const regionAdmin = await factory.member(region.id, 'admin');
    await http()
      .post(`/api/v1/organizations/${region.id}/webhooks`)
      .set(as(regionAdmin))
      .send({
        url: `http://127.0.0.1:${(hooks.address() as { port: number }).port}/slussen`,
        events: ['idea.submitted', 'idea.screening', 'idea.accepted', 'idea.piloting', 'idea.closed'],
      })
      .expect(201);

    const sluice = await http()
      .post('/api/v1/sluices')
      .set(as(manager))
      .send({
        organizationId: region.id,
        name: 'Region Slussens innovationssluss',
        description: 'Behov från vården och idéer från företag.',
        domains: ['elderly-care'],
        submitters: ['staff', 'companies'],
      });
    expect(sluice.status).toBe(201);
    expect(sluice.body).toMatchObject({ answerWithinDays: 14, submitters: ['staff', 'companies'] });
    expect((await http().get(`/api/v1/sluices/${sluice.body.id}`)).body.organizationName).toBe('Region Sluss');

    const testbed = await createTestbed(api, manager.token, region.id, {
      name: 'Äldreboendet Solgläntan',
      summary: 'Ett äldreboende där sensorer mot fall nattetid kan prövas.',
      domains: ['elderly-care', 'welfare-technology'],
      capacity: 5,
      rules: {
        requiresApproval: true,
        minLeadDays: 1,
        maxAdvanceDays: 365,
        maxActiveBookingsPerCompany: 5,
        decisionDays: 5,
      },
    });
    await createTestbed(api, manager.token, region.id, { name: 'Trafiklabbet', domains: ['mobility'] });

    // A company submits no needs to this sluice; a nurse (staff) does.
    const refused = await http()
      .post(`/api/v1/sluices/${sluice.body.id}/ideas`)
      .set(as(companyMember))
      .send({ kind: 'need', title: 'Ett behov', description: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/Needs come from the staff of Region Sluss/);

    const submitted = await http()
      .post(`/api/v1/sluices/${sluice.body.id}/ideas`)
      .set(as(nurse))
      .send({
        kind: 'need',
        title: 'Fall nattetid på äldreboendet',
        description: 'Boende faller på natten när de går till toaletten och ligger länge innan någon märker det.',
        domains: ['elderly-care'],
        affects: 'Boende med demens, flera gånger i veckan',
        public: true,
      });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ sluiceId: sluice.body.id, kind: 'need', status: 'submitted' });
    const id = submitted.body.id as string;

    // Another nurse typing a similar need sees this one.
    const similar = await http().get('/api/v1/ideas/similar').query({ q: 'fallen på natten' }).set(as(manager));
    expect(similar.status).toBe(200);
    expect(similar.body.items.map((item: { id: string }) => item.id)).toContain(id);

    const elsewhere = await http()
      .get('/api/v1/ideas/similar')
      .query({ q: 'fallen på natten', sluiceId: randomUUID() })
      .set(as(manager));
    expect(elsewhere.body.items).toEqual([]);
    // The managers see who submitted it; a company reading the public need does not.
    expect((await http().get(`/api/v1/ideas/${id}`).set(as(manager))).body.submitterName).toBe('Test User');
    expect((await http().get(`/api/v1/ideas/${id}`).set(as(companyMember))).body.submitterName).toBeNull();

    await settle(() => mailsTo(manager, /^Nytt i innovationsslussen/).length >= 1);
    expect(mailsTo(manager, /^Nytt i innovationsslussen: Fall nattetid på äldreboendet$/)).toHaveLength(1);

    // Accepting skips screening: 409, whatever the test beds.
    const early = await http()
      .post(`/api/v1/ideas/${id}/accept`)
      .set(as(manager))
      .send({ testbedIds: [randomUUID()] });
    expect([early.status, early.body.detail]).toEqual([
      409,
      'A submitted need cannot be accepted before it is screened',
    ]);

    // The company follows the public need, then it is screened.
    await http().post(`/api/v1/ideas/${id}/followers`).set(as(companyMember)).expect(204);
    const screened = await http().post(`/api/v1/ideas/${id}/screen`).set(as(manager));
    expect(screened.status).toBe(200);
    expect(screened.body).toMatchObject({ status: 'screening', following: false, mine: false });
    // Each reader's list says whose the need is and who follows it.
    const listed = async (user: TestUser) =>
      ((await http().get('/api/v1/ideas').set(as(user)).expect(200)).body.items as Array<Record<string, unknown>>).find(
        (item) => item.id === id,
      );
    expect(await listed(nurse)).toMatchObject({ mine: true, following: false });
    expect(await listed(companyMember)).toMatchObject({ mine: false, following: true });
    expect(await listed(otherCompanyMember)).toMatchObject({ mine: false, following: false });
    expect(await listed(manager)).toMatchObject({ mine: false, following: false });
    expect((await http().get(`/api/v1/ideas/${id}`).set(as(nurse))).body).toMatchObject({ mine: true });
    expect((await http().post(`/api/v1/ideas/${id}/screen`).set(as(manager))).status).toBe(409);
    // Each recipient's e-mail is a delivery of its own and may arrive in any order.
    await settle(
      () => mailsTo(companyMember, /^Now being screened/).length >= 1 && mailsTo(nurse, /^Granskas nu/).length >= 1,
    );
    expect(mailsTo(nurse, /^Granskas nu: Fall nattetid på äldreboendet$/)).toHaveLength(1);
    expect(mailsTo(companyMember, /^Now being screened: Fall nattetid på äldreboendet$/)).toHaveLength(1);

    // The company answers; the managers accept the answer.
    const answer = await http()
      .post(`/api/v1/ideas/${id}/answers`)
      .set(as(companyMember))
      .send({ description: 'Golvsensorer som larmar personalen inom tio sekunder.' });
    expect(answer.status).toBe(201);
    expect(
      (await http().post(`/api/v1/ideas/${id}/answers`).set(as(companyMember)).send({ description: 'igen' })).status,
    ).toBe(409);
    const accepted = await http().post(`/api/v1/ideas/${id}/answers/${answer.body.id}/accept`).set(as(manager));
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', organizationName: 'Sensorbolaget AB' });
    await settle(
      () =>
        mailsTo(companyMember, /^Your answer is accepted/).length >= 1 &&
        mailsTo(manager, /^Nytt svar på behovet/).length >= 1,
    );
    expect(mailsTo(manager, /^Nytt svar på behovet/)).toHaveLength(1);

    // Matches: the care home first (a shared domain and the words), not the traffic lab.
    const matches = await http().get(`/api/v1/ideas/${id}/matches`).set(as(manager));
    expect(matches.status).toBe(200);
    expect(matches.body.items[0]).toMatchObject({
      testbedId: testbed.id,
      sharedDomains: ['elderly-care'],
      matched: false,
    });
    expect(matches.body.items.map((item: { name: string }) => item.name)).not.toContain('Trafiklabbet');
    expect((await http().get(`/api/v1/ideas/${id}/matches`).set(as(companyMember))).status).toBe(403);

    const acceptedIdea = await http()
      .post(`/api/v1/ideas/${id}/accept`)
      .set(as(manager))
      .send({ testbedIds: [testbed.id] });
    expect(acceptedIdea.status).toBe(200);
    expect(acceptedIdea.body).toMatchObject({ status: 'accepted', testbedIds: [testbed.id] });

    await settle(() => mailsTo(companyMember, /^Accepted: /).length >= 1);
    expect(mailsTo(companyMember, /^Accepted: /).map((mail) => mail.text)).toEqual([
      expect.stringContaining('You can now book one of them with the need linked to the booking.'),
    ]);

    // The accepted company books the matched test bed with the need linked; another company may not.
    const slot = await http()
      .post(`/api/v1/testbeds/${testbed.id}/slots`)
      .set(as(manager))
      .send({ startsAt: daysFromNow(10, 8), endsAt: daysFromNow(40, 16), capacity: 2 });
    const slotId = slot.body.items[0].id as string;
    const other = await http()
      .post(`/api/v1/slots/${slotId}/bookings`)
      .set(as(otherCompanyMember))
      .send({ title: 'Vi med', ideaId: id });
    expect(other.status).toBe(403);
    const booking = await http()
      .post(`/api/v1/slots/${slotId}/bookings`)
      .set(as(companyMember))
      .send({ title: 'Golvsensorer på Solgläntan', ideaId: id });
    expect(booking.status).toBe(201);
    expect(booking.body).toMatchObject({ status: 'pending', ideaId: id });
    expect((await http().get(`/api/v1/ideas/${id}`).set(as(nurse))).body.status).toBe('accepted');

    await http().post(`/api/v1/bookings/${booking.body.id}/approve`).set(as(manager)).expect(200);
    const piloting = await http().get(`/api/v1/ideas/${id}`).set(as(nurse));
    expect(piloting.body).toMatchObject({ status: 'piloting', bookingIds: [booking.body.id] });
    expect(piloting.body.events.map((event: { type: string }) => event.type)).toEqual([
      'submitted',
      'screening',
      'accepted',
      'piloting',
    ]);
    expect(piloting.body.events.at(-1)).toMatchObject({ bookingId: booking.body.id, actor: null });
    await settle(
      () =>
        mailsTo(companyMember, /^A pilot is being planned/).length >= 1 &&
        mailsTo(nurse, /^En pilot planeras/).length >= 1 &&
        mailsTo(manager, /^En pilot planeras/).length >= 1,
    );
    expect(mailsTo(nurse, /^En pilot planeras: Fall nattetid på äldreboendet$/)).toHaveLength(1);
    expect(mailsTo(manager, /^En pilot planeras/)).toHaveLength(1);

    // The results library reads where the pilot's booking came from.
    const [origin] = await api
      .get(DataSource)
      .query('SELECT * FROM ideas_booking_origins WHERE booking_id = $1', [booking.body.id]);
    expect(origin).toMatchObject({
      idea_id: id,
      kind: 'need',
      title: 'Fall nattetid på äldreboendet',
      affects: 'Boende med demens, flera gånger i veckan',
      sluice_id: sluice.body.id,
      organization_id: region.id,
    });

    // The conversation: each message to the other side by e-mail.
    const asked = await http()
      .post(`/api/v1/ideas/${id}/messages`)
      .set(as(manager))
      .send({ body: 'Hur ofta händer det?' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ side: 'managers', body: 'Hur ofta händer det?' });
    await http()
      .post(`/api/v1/ideas/${id}/messages`)
      .set(as(nurse))
      .send({ body: 'Ungefär tre gånger i veckan.' })
      .expect(201);
    await settle(
      () => mailsTo(manager, /^Nytt meddelande/).length >= 1 && mailsTo(nurse, /^Nytt meddelande/).length >= 1,
    );
    expect(mailsTo(nurse, /^Nytt meddelande/)[0]!.text).toContain('Hur ofta händer det?');
    expect(mailsTo(manager, /^Nytt meddelande/)[0]!.text).toContain('Ungefär tre gånger i veckan.');
    const thread = await http().get(`/api/v1/ideas/${id}/messages`).set(as(nurse));
    expect(thread.body.items.map((message: { side: string }) => message.side)).toEqual(['managers', 'submitter']);
    expect((await http().get(`/api/v1/ideas/${id}/messages`).set(as(companyMember))).status).toBe(403);

    const closed = await http()
      .post(`/api/v1/ideas/${id}/close`)
      .set(as(manager))
      .send({ result: 'Färre fall som upptäcks sent.' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', result: 'Färre fall som upptäcks sent.' });
    expect((await http().post(`/api/v1/ideas/${id}/decline`).set(as(manager)).send({ reason: 'sent' })).status).toBe(
      409,
    );
    const audit = await http().get(`/api/v1/organizations/${region.id}/audit`).set(as(regionAdmin));
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(['sluice.create', 'idea.screen', 'idea.accept-answer', 'idea.accept', 'idea.close']),
    );

    // The region's webhook heard each change of the need's status, once each (the data re-read when sent).
    const heard = () => webhooks.filter((hook) => hook.data.idea?.id === id).map((hook) => hook.type);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && heard().length < 5) await new Promise((done) => setTimeout(done, 100));
    await new Promise((done) => setTimeout(done, 500));
    expect(heard().sort()).toEqual([
      'idea.accepted',
      'idea.closed',
      'idea.piloting',
      'idea.screening',
      'idea.submitted',
    ]);
  });

  it('declines with a reason the submitter reads, and reminds the managers once of an idea left waiting', async () => {
    const factory = new IdentityFactory(api);
    const region = await factory.organization('region');
    const manager = await factory.member(region.id, 'manager');
    const nurse = await factory.member(region.id, 'member');
    const sluice = await http()
      .post('/api/v1/sluices')
      .set(as(manager))
      .send({
        organizationId: region.id,
        name: 'Väntesluss',
        description: 'Lovar svar inom tre dagar.',
        domains: [],
        submitters: ['staff'],
        answerWithinDays: 3,
      })
      .expect(201);
    const submit = (title: string) =>
      http()
        .post(`/api/v1/sluices/${sluice.body.id}/ideas`)
        .set(as(nurse))
        .send({ kind: 'need', title, description: 'Något som behöver lösas.' })
        .expect(201);
    const waiting = await submit('Väntande behov');
    const declined = await submit('Avböjt behov');

    const decline = await http()
      .post(`/api/v1/ideas/${declined.body.id}/decline`)
      .set(as(manager))
      .send({ reason: 'Finns redan en lösning i regionen.' });
    expect(decline.body).toMatchObject({ status: 'declined', declineReason: 'Finns redan en lösning i regionen.' });
    expect((await http().get(`/api/v1/ideas/${declined.body.id}`).set(as(nurse))).body.declineReason).toBe(
      'Finns redan en lösning i regionen.',
    );

    const ideas = api.get(IdeasService, { strict: false });
    clock.set(new Date(Date.now() + 2 * 86_400_000));
    expect(await ideas.remindWaiting()).toBe(0);
    clock.set(new Date(Date.now() + 4 * 86_400_000));
    const first = await ideas.remindWaiting();
    const second = await ideas.remindWaiting();
    expect([first >= 1, second]).toEqual([true, 0]);
    clock.set(new Date());
    await settle(
      () => mailsTo(manager, /^Påminnelse: väntar på svar/).length >= 1 && mailsTo(nurse, /^Avböjt/).length >= 1,
    );
    expect(mailsTo(manager, /^Påminnelse: väntar på svar/).map((mail) => mail.subject)).toEqual([
      `Påminnelse: väntar på svar: ${waiting.body.title}`,
    ]);
    expect(mailsTo(nurse, /^Avböjt/)[0]!.text).toContain('Skäl: Finns redan en lösning i regionen.');
  });
});
