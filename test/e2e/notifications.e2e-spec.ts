import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, isolatedDatabase, type TestUser } from '@slussen/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MessageRegistry } from '../../libs/notifications/src/messages/message-registry.js';
import { createWorkerApp } from '../worker-app.js';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';
import { startSmtpReceiver, type ReceivedMail } from '../smtp-receiver.js';

// Mail waits up to 25 s for what it expects (a busy CI machine); each test has room for that and its setup.
jest.setTimeout(60_000);

describe('notifications: outbox, relay and e-mail', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let api: NestExpressApplication;
  let worker: INestApplication;
  let env: Record<string, string>;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    database = await isolatedDatabase();
    env = {
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-mail-${randomUUID().slice(0, 8)}`,
      OUTBOX_POLL_MS: '200',
      BOOKING_EXPIRY_EVERY_SECONDS: '3600',
      WEBHOOK_DISABLE_AFTER: '2',
      QUEUE_JOB_ATTEMPTS: '3',
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
      WEBHOOK_ALLOW_HTTP: 'true',
    };
    api = await createApiApp({ env });
    worker = await createWorkerApp({ env });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.close();
    await database.drop();
  });

  const settle = async (predicate: (mails: ReceivedMail[]) => boolean, timeoutMs = 25_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !predicate(smtp.received)) await new Promise((done) => setTimeout(done, 100));
    // Anything sent twice would arrive within this extra wait.
    await new Promise((done) => setTimeout(done, 800));
  };

  it('tells each side of a booking’s whole life exactly once, in their language, with a calendar file on confirmation', async () => {
    const factory = new IdentityFactory(api);
    const region = await factory.organization('region');
    const manager = await factory.member(region.id, 'manager');
    const company = await factory.organization('company');
    const member: TestUser = await factory.member(company.id, 'admin');
    await api.get(DataSource).query(`UPDATE users SET language = 'en' WHERE id = $1`, [member.id]);
    const testbed = await createTestbed(api, manager.token, region.id, {
      name: 'Postlabbet',
      capacity: 1,
      rules: {
        requiresApproval: true,
        minLeadDays: 1,
        maxAdvanceDays: 365,
        maxActiveBookingsPerCompany: 5,
        decisionDays: 5,
      },
    });
    const slot = await request(api.getHttpServer())
      .post(`/api/v1/testbeds/${testbed.id}/slots`)
      .set('Authorization', `Bearer ${manager.token}`)
      .send({ startsAt: daysFromNow(30, 8), endsAt: daysFromNow(30, 16), capacity: 1 });
    const booking = await request(api.getHttpServer())
      .post(`/api/v1/slots/${slot.body.items[0].id}/bookings`)
      .set('Authorization', `Bearer ${member.token}`)
      .send({ title: 'Brevpilot' });
    expect(booking.status).toBe(201);
    await request(api.getHttpServer())
      .post(`/api/v1/bookings/${booking.body.id}/approve`)
      .set('Authorization', `Bearer ${manager.token}`)
      .expect(200);
    await request(api.getHttpServer())
      .post(`/api/v1/bookings/${booking.body.id}/cancel`)
      .set('Authorization', `Bearer ${member.token}`)
      .send({ reason: 'Ändrade planer' })
      .expect(200);

    const mine = (mails: ReceivedMail[]) => mails.filter((mail) => mail.subject.endsWith('Brevpilot'));
    await settle((mails) => mine(mails).length >= 5);
    const got = mine(smtp.received)
      .map(
        (mail) =>
          `${mail.to === member.email ? 'company' : mail.to === manager.email ? 'manager' : mail.to} ${mail.subject}`,
      )
      .sort();
    expect(got).toEqual(
      [
        'company Booking cancelled: Brevpilot',
        'company Booking confirmed: Brevpilot',
        'company New booking request: Brevpilot',
        'manager Bokningen är avbokad: Brevpilot',
        'manager Ny bokningsförfrågan: Brevpilot',
      ].sort(),
    );
    const confirmation = mine(smtp.received).find((mail) => mail.subject.startsWith('Booking confirmed'))!;
    expect(confirmation.attachments).toEqual(['pilot.ics']);
    // "Open in Slussen" leads to the web app's page of the booking, not to the API.
    expect(confirmation.text).toMatch(new RegExp(`Open in Slussen: https?://[^/\\s]+/bookings/${booking.body.id}\\s`));
    expect(new Set(mine(smtp.received).map((mail) => mail.messageId)).size).toBe(5);

    const [{ undispatched, unsent }] = await api.get(DataSource).query(
      `SELECT (SELECT count(*)::int FROM outbox_messages WHERE dispatched_at IS NULL) AS undispatched,
              (SELECT count(*)::int FROM deliveries WHERE status <> 'sent' AND outbox_id IN (SELECT id FROM outbox_messages WHERE payload->>'bookingId' = $1)) AS unsent`,
      [booking.body.id],
    );
    expect({ undispatched, unsent }).toEqual({ undispatched: 0, unsent: 0 });
  });

  it('tells the companies in a slot when a manager closes it to new bookings and opens it again, with the reason', async () => {
    const factory = new IdentityFactory(api);
    const region = await factory.organization('region');
    const manager = await factory.member(region.id, 'manager');
    const company = await factory.organization('company');
    const member = await factory.member(company.id, 'member');
    await api.get(DataSource).query(`UPDATE users SET language = 'en' WHERE id = $1`, [member.id]);
    const testbed = await createTestbed(api, manager.token, region.id, { name: 'Stängningslabbet', capacity: 2 });
    const slot = await request(api.getHttpServer())
      .post(`/api/v1/testbeds/${testbed.id}/slots`)
      .set('Authorization', `Bearer ${manager.token}`)
      .send({ startsAt: daysFromNow(40, 8), endsAt: daysFromNow(40, 16), capacity: 2 });
    const slotId = slot.body.items[0].id as string;
    const booking = await request(api.getHttpServer())
      .post(`/api/v1/slots/${slotId}/bookings`)
      .set('Authorization', `Bearer ${member.token}`)
      .send({ title: 'Stängd pilot' });
    expect(booking.status).toBe(201);

    await request(api.getHttpServer())
      .post(`/api/v1/slots/${slotId}/close`)
      .set('Authorization', `Bearer ${manager.token}`)
      .send({ reason: 'Avdelningen renoveras' })
      .expect(200);
    await request(api.getHttpServer())
      .post(`/api/v1/slots/${slotId}/reopen`)
      .set('Authorization', `Bearer ${manager.token}`)
      .send({})
      .expect(200);
    // Planned only now, after the reopen (as a worker with a backlog plans it), the closing notice still tells why.
    const [late] = worker
      .get(MessageRegistry, { strict: false })
      .notices([{ topic: 'booking.slot-closed', payload: { bookingId: booking.body.id as string } }]);
    const notice = await late!;
    expect(notice!.render({ name: 'Läsare', language: 'en', audience: 'company' }).text).toContain(
      'Avdelningen renoveras',
    );

    const slotMails = (mails: ReceivedMail[]) =>
      mails.filter((mail) => mail.subject.endsWith('Stängd pilot') && /slot/i.test(mail.subject));
    await settle((mails) => slotMails(mails).length >= 2);
    const got = slotMails(smtp.received).map(
      (mail) => `${mail.to === member.email ? 'company' : mail.to} ${mail.subject}`,
    );
    expect(got.sort()).toEqual([
      'company The slot is closed to new bookings: Stängd pilot',
      'company The slot is open for bookings again: Stängd pilot',
    ]);
    const closed = slotMails(smtp.received).find((mail) => mail.subject.startsWith('The slot is closed'))!;
    expect(closed.text).toContain('Avdelningen renoveras');
    expect(closed.text).toContain('Your booking stays');
    // The managers who closed it hear nothing of their own act.
    expect(
      smtp.received.filter(
        (mail) => mail.to === manager.email && /Stängd pilot/.test(mail.subject) && /(stängd|öppen)/.test(mail.subject),
      ),
    ).toEqual([]);
  });

  it('reminds both sides before the start and managers before a decision deadline, once, following cancellation and reschedule', async () => {
    const { BookingsService } = await import('../../libs/scheduling/src/bookings.service.js');
    const bookings = api.get(BookingsService, { strict: false });
    const factory = new IdentityFactory(api);
    const region = await factory.organization('region');
    const manager = await factory.member(region.id, 'manager');
    const testbed = await createTestbed(api, manager.token, region.id, {
      name: 'Påminnelselabbet',
      capacity: 3,
      reminderDays: [7],
      rules: {
        requiresApproval: true,
        minLeadDays: 1,
        maxAdvanceDays: 365,
        maxActiveBookingsPerCompany: 5,
        decisionDays: 5,
      },
    });
    const soon = new Date(Date.now() + 7 * 86_400_000 - 10 * 60_000);
    const makeSlot = async (startsAt: Date) =>
      (
        await request(api.getHttpServer())
          .post(`/api/v1/testbeds/${testbed.id}/slots`)
          .set('Authorization', `Bearer ${manager.token}`)
          .send({
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
            capacity: 1,
          })
      ).body.items[0].id as string;
    const [first, second, later] = [
      await makeSlot(soon),
      await makeSlot(new Date(soon.getTime() + 2 * 3_600_000)),
      await makeSlot(new Date(soon.getTime() - 3 * 3_600_000)),
    ];
    const member = await factory.member((await factory.organization('company')).id, 'member');
    const cancelledMember = await factory.member((await factory.organization('company')).id, 'member');
    const kept = await request(api.getHttpServer())
      .post(`/api/v1/slots/${first}/bookings`)
      .set('Authorization', `Bearer ${member.token}`)
      .send({ title: 'Påminnelsepilot' });
    const dropped = await request(api.getHttpServer())
      .post(`/api/v1/slots/${second}/bookings`)
      .set('Authorization', `Bearer ${cancelledMember.token}`)
      .send({ title: 'Avbokad påminnelsepilot' });
    await request(api.getHttpServer())
      .post(`/api/v1/bookings/${dropped.body.id}/cancel`)
      .set('Authorization', `Bearer ${cancelledMember.token}`)
      .send({})
      .expect(200);
    await api
      .get(DataSource)
      .query(`UPDATE bookings SET decision_due_at = now() + interval '1 day' - interval '5 minutes' WHERE id = $1`, [
        kept.body.id,
      ]);

    expect(await bookings.queueReminders(60)).toBe(2);
    expect(await bookings.queueReminders(60)).toBe(0);
    const reminders = (mails: ReceivedMail[]) =>
      mails.filter(
        (mail) =>
          /^(Reminder|Påminnelse):/.test(mail.subject) &&
          /pilot$/i.test(mail.subject) &&
          mail.subject.includes('minnelsepilot'),
      );
    await settle((mails) => reminders(mails).length >= 3);
    const got = reminders(smtp.received)
      .map(
        (mail) =>
          `${mail.to === member.email ? 'company' : mail.to === manager.email ? 'manager' : mail.to} ${mail.subject}`,
      )
      .sort();
    expect(got).toEqual([
      'company Påminnelse: piloten börjar snart: Påminnelsepilot',
      'manager Påminnelse: en förfrågan väntar på beslut: Påminnelsepilot',
      'manager Påminnelse: piloten börjar snart: Påminnelsepilot',
    ]);

    // Moved to a slot whose reminder time has also come: it is reminded again, for its new start.
    await request(api.getHttpServer())
      .post(`/api/v1/bookings/${kept.body.id}/reschedule`)
      .set('Authorization', `Bearer ${member.token}`)
      .send({ slotId: later })
      .expect(200);
    expect(await bookings.queueReminders(240)).toBe(1);
  });

  it('posts signed webhooks to subscribers once, and disables one that keeps failing, telling its admins', async () => {
    const { createServer } = await import('node:http');
    const { createHmac } = await import('node:crypto');
    const received: Array<{ path: string; signature: string; body: string }> = [];
    const server = createServer((incoming, response) => {
      let body = '';
      incoming.on('data', (chunk) => (body += chunk));
      incoming.on('end', () => {
        received.push({ path: incoming.url ?? '', signature: String(incoming.headers['slussen-signature']), body });
        response.statusCode = incoming.url === '/broken' ? 500 : 204;
        response.end();
      });
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const factory = new IdentityFactory(api);
      const region = await factory.organization('region');
      const manager = await factory.member(region.id, 'manager');
      const company = await factory.organization('company');
      const admin = await factory.member(company.id, 'admin');
      const member = await factory.member(company.id, 'member');
      const subscribe = (user: TestUser, path: string, events: string[], organizationId = company.id) =>
        request(api.getHttpServer())
          .post(`/api/v1/organizations/${organizationId}/webhooks`)
          .set('Authorization', `Bearer ${user.token}`)
          .send({ url: `${base}${path}`, events });
      expect((await subscribe(member, '/ok', ['*'])).status).toBe(403);
      expect((await subscribe(manager, '/ok', ['*'])).status).toBe(404);
      expect((await subscribe(admin, '/ok', ['booking.nonsense'])).status).toBe(400);
      const good = await subscribe(admin, '/ok', ['booking.requested']);
      expect(good.status).toBe(201);
      expect(good.body.secret).toMatch(/^whsec_/);
      const broken = await subscribe(admin, '/broken', ['*']);

      const testbed = await createTestbed(api, manager.token, region.id, {
        capacity: 1,
        rules: {
          requiresApproval: true,
          minLeadDays: 1,
          maxAdvanceDays: 365,
          maxActiveBookingsPerCompany: 5,
          decisionDays: 5,
        },
      });
      const slot = await request(api.getHttpServer())
        .post(`/api/v1/testbeds/${testbed.id}/slots`)
        .set('Authorization', `Bearer ${manager.token}`)
        .send({ startsAt: daysFromNow(33, 8), endsAt: daysFromNow(33, 16), capacity: 1 });
      const booking = await request(api.getHttpServer())
        .post(`/api/v1/slots/${slot.body.items[0].id}/bookings`)
        .set('Authorization', `Bearer ${member.token}`)
        .send({ title: 'Webhookpilot' });

      const deadline = Date.now() + 20_000;
      const disabledMail = () =>
        smtp.received.filter((mail) => mail.to === admin.email && /Webhook (avstängd|disabled)/.test(mail.subject));
      while (
        Date.now() < deadline &&
        (received.filter((each) => each.path === '/ok').length < 1 || disabledMail().length < 1)
      )
        await new Promise((done) => setTimeout(done, 200));
      await new Promise((done) => setTimeout(done, 800));

      const ok = received.filter((each) => each.path === '/ok');
      expect(ok).toHaveLength(1);
      const [, timestamp, digest] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(ok[0]!.signature)!;
      expect(createHmac('sha256', good.body.secret).update(`${timestamp}.${ok[0]!.body}`).digest('hex')).toBe(digest);
      expect(JSON.parse(ok[0]!.body)).toMatchObject({
        type: 'booking.requested',
        data: { booking: { id: booking.body.id, status: 'pending' } },
      });

      expect(received.filter((each) => each.path === '/broken').length).toBeGreaterThanOrEqual(2);
      expect(disabledMail()).toHaveLength(1);
      const listed = await request(api.getHttpServer())
        .get(`/api/v1/organizations/${company.id}/webhooks`)
        .set('Authorization', `Bearer ${admin.token}`);
      expect(listed.body.items.find((item: { id: string }) => item.id === broken.body.id)).toMatchObject({
        status: 'disabled',
      });
      expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });

  it('sends nothing twice when a message is delivered again (a retried or replaced job)', async () => {
    const [row] = await api
      .get(DataSource)
      .query(`SELECT id FROM outbox_messages WHERE topic = 'booking.confirmed' ORDER BY created_at DESC LIMIT 1`);
    const before = smtp.received.length;
    const { NotificationsService } = await import('../../libs/notifications/src/notifications.service.js');
    expect(await worker.get(NotificationsService, { strict: false }).deliver(row.id)).toEqual({ sent: 0 });
    expect(smtp.received.length).toBe(before);
  });
});

describe('notifications while Redis is away', () => {
  it('still books (201) with Redis stopped, and delivers every message once after it returns', async () => {
    const { spawn } = await import('node:child_process');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { freePort } = await import('../processes.js');
    const port = await freePort();
    const startRedis = async () => {
      const child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          '--dir',
          mkdtempSync(join(tmpdir(), 'slussen-redis-')),
        ],
        { stdio: 'ignore' },
      );
      await new Promise((done) => setTimeout(done, 300));
      return child;
    };
    let redis = await startRedis();
    const smtp = await startSmtpReceiver();
    const database = await isolatedDatabase();
    const env = {
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      QUEUE_PREFIX: 'slussen-outage',
      OUTBOX_POLL_MS: '200',
      OUTBOX_ENQUEUE_TIMEOUT_MS: '500',
      BOOKING_EXPIRY_EVERY_SECONDS: '3600',
    };
    const api = await createApiApp({ env });
    const worker = await createWorkerApp({ env });
    try {
      const factory = new IdentityFactory(api);
      const region = await factory.organization('region');
      const manager = await factory.member(region.id, 'manager');
      const testbed = await createTestbed(api, manager.token, region.id, {
        capacity: 5,
        rules: {
          requiresApproval: false,
          minLeadDays: 1,
          maxAdvanceDays: 365,
          maxActiveBookingsPerCompany: 5,
          decisionDays: 5,
        },
      });
      const slot = await request(api.getHttpServer())
        .post(`/api/v1/testbeds/${testbed.id}/slots`)
        .set('Authorization', `Bearer ${manager.token}`)
        .send({ startsAt: daysFromNow(40, 8), endsAt: daysFromNow(40, 16), capacity: 5 });
      const members = await Promise.all(
        Array.from({ length: 4 }, async () => factory.member((await factory.organization('company')).id, 'member')),
      );

      redis.kill('SIGKILL');
      await new Promise((done) => redis.once('exit', done));
      const titles = members.map((_, index) => `Avbrottspilot ${index}`);
      const responses = await Promise.all(
        members.map((member, index) =>
          request(api.getHttpServer())
            .post(`/api/v1/slots/${slot.body.items[0].id}/bookings`)
            .set('Authorization', `Bearer ${member.token}`)
            .send({ title: titles[index] }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201]);
      await new Promise((done) => setTimeout(done, 1500));
      expect(smtp.received.filter((mail) => mail.subject.includes('Avbrottspilot'))).toEqual([]);

      redis = await startRedis();
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && smtp.received.filter((mail) => mail.subject.includes('Avbrottspilot')).length < 4)
        await new Promise((done) => setTimeout(done, 200));
      await new Promise((done) => setTimeout(done, 1500));
      const got = smtp.received
        .filter((mail) => mail.subject.includes('Avbrottspilot'))
        .map((mail) => mail.subject.replace(/^[^:]+: /, ''))
        .sort();
      expect(got).toEqual(titles.sort());
    } finally {
      await worker.close();
      await api.close();
      await smtp.close();
      await database.drop();
      redis.kill('SIGKILL');
    }
  }, 90_000);
});
