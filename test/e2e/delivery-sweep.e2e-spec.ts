import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, isolatedDatabase, type TestUser } from '@slussen/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../worker-app.js';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';
import { startSmtpReceiver, type ReceivedMail } from '../smtp-receiver.js';

// Issue 13: deliveries that are never lost, and never sent twice by a failure after the send.

const LEASE_SECONDS = 5;
const as = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('deliveries: swept when their lease expires, marked without a second send', () => {
  const refused = new Set<string>();
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let api: NestExpressApplication;
  let worker: INestApplication;
  let db: DataSource;
  let factory: IdentityFactory;

  beforeAll(async () => {
    smtp = await startSmtpReceiver({ refuse: (recipient) => refused.has(recipient) });
    database = await isolatedDatabase();
    const env = {
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-sweep-${randomUUID().slice(0, 8)}`,
      OUTBOX_POLL_MS: '200',
      BOOKING_EXPIRY_EVERY_SECONDS: '3600',
      DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS),
      DELIVERY_SWEEP_EVERY_SECONDS: '1',
      QUEUE_JOB_ATTEMPTS: '5',
    };
    api = await createApiApp({ env });
    worker = await createWorkerApp({ env });
    db = api.get(DataSource);
    factory = new IdentityFactory(api);
    // Marks of chosen recipients fail as a dropped connection would: a sequence counts the
    // failures, since it is the one thing a failed statement does not roll back.
    await db.query(`CREATE SEQUENCE test_mark_failures`);
    await db.query(
      `CREATE TABLE test_failing_marks (recipient text NOT NULL, status text NOT NULL, times int NOT NULL)`,
    );
    await db.query(`
      CREATE FUNCTION test_fail_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE rule record;
      BEGIN
        SELECT * INTO rule FROM test_failing_marks WHERE recipient = NEW.recipient AND status = NEW.status;
        IF FOUND AND OLD.status = 'sending' AND nextval('test_mark_failures') <= rule.times THEN
          RAISE EXCEPTION 'Connection terminated unexpectedly (simulated)';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(
      `CREATE TRIGGER test_fail_mark BEFORE UPDATE ON deliveries FOR EACH ROW EXECUTE FUNCTION test_fail_mark()`,
    );
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.close();
    await database.drop();
  });

  /** A booking request by a new company member in a new test bed: one e-mail to the member, one to the manager (`before` sees the manager first). */
  const bookingRequest = async (title: string, before?: (manager: TestUser) => Promise<void>) => {
    const region = await factory.organization('region');
    const manager = await factory.member(region.id, 'manager');
    await before?.(manager);
    const member = await factory.member((await factory.organization('company')).id, 'member');
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
      .set(as(manager))
      .send({ startsAt: daysFromNow(30, 8), endsAt: daysFromNow(30, 16), capacity: 1 });
    const booking = await request(api.getHttpServer())
      .post(`/api/v1/slots/${slot.body.items[0].id}/bookings`)
      .set(as(member))
      .send({ title });
    expect(booking.status).toBe(201);
    return { manager, member, bookingId: booking.body.id as string };
  };
  const mailsTo = (email: string) => smtp.received.filter((mail) => mail.to === email);
  const waitFor = async (done: () => boolean | Promise<boolean>, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !(await done())) await pause(100);
  };
  const deliveryTo = async (email: string) =>
    (await db.query(`SELECT id, status, attempts FROM deliveries WHERE recipient = $1`, [email]))[0] as
      { id: string; status: string; attempts: number } | undefined;

  it('takes back a delivery whose worker died holding it, whichever job that was, and sends it once', async () => {
    const { member } = await bookingRequest('Övergiven pilot');
    await waitFor(async () => (await deliveryTo(member.email))?.status === 'sent');
    const outboxId: string = (
      await db.query(`SELECT outbox_id FROM deliveries WHERE recipient = $1`, [member.email])
    )[0].outbox_id;
    // The same message to a second person, claimed by a worker that was killed (its job long gone),
    // and to a third, planned by a job that was lost before it claimed anything.
    const claimedByTheDead = await factory.member((await factory.organization('company')).id, 'member');
    const plannedByTheLost = await factory.member((await factory.organization('company')).id, 'member');
    await db.query(
      `INSERT INTO deliveries (outbox_id, channel, dedupe_key, recipient_user_id, recipient, status, attempts, claimed_at, created_at)
       VALUES ($1::uuid, 'email', $1::text || ':email:' || $2::text, $2::uuid, $3, 'sending', 1, now() - interval '10 minutes', now() - interval '10 minutes'),
              ($1::uuid, 'email', $1::text || ':email:' || $4::text, $4::uuid, $5, 'pending', 0, NULL, now() - interval '10 minutes')`,
      [outboxId, claimedByTheDead.id, claimedByTheDead.email, plannedByTheLost.id, plannedByTheLost.email],
    );

    await waitFor(() => mailsTo(claimedByTheDead.email).length >= 1 && mailsTo(plannedByTheLost.email).length >= 1);
    await pause(3000); // several more sweeps: none sends again
    expect(mailsTo(claimedByTheDead.email)).toHaveLength(1);
    expect(mailsTo(plannedByTheLost.email)).toHaveLength(1);
    expect(mailsTo(member.email)).toHaveLength(1);
    const swept = await deliveryTo(claimedByTheDead.email);
    expect(swept).toMatchObject({ status: 'sent', attempts: 2 });
    expect(mailsTo(claimedByTheDead.email)[0]!.messageId).toBe(`<${swept!.id}@slussen>`);
    expect(mailsTo(claimedByTheDead.email)[0]!.subject).toContain('Övergiven pilot');
  }, 60_000);

  it('retries only the mark when marking fails after a successful send: the e-mail goes once', async () => {
    const { manager } = await bookingRequest('Markeringspilot', async (manager) => {
      await db.query(`INSERT INTO test_failing_marks VALUES ($1, 'sent', 2)`, [manager.email]);
      await db.query(`SELECT setval('test_mark_failures', 1, false)`);
    });

    await waitFor(async () => (await deliveryTo(manager.email))?.status === 'sent');
    await pause(LEASE_SECONDS * 1000 + 2000); // past the lease: not even the sweeper sends it again
    expect(Number((await db.query(`SELECT last_value FROM test_mark_failures`))[0].last_value)).toBeGreaterThanOrEqual(
      2,
    );
    expect(mailsTo(manager.email)).toHaveLength(1);
    expect(await deliveryTo(manager.email)).toMatchObject({ status: 'sent', attempts: 1 });
  }, 60_000);

  it('leaves a failed send it cannot record for the sweeper, which sends it after the lease', async () => {
    const { manager } = await bookingRequest('Felhanteringspilot', async (manager) => {
      refused.add(manager.email);
      await db.query(`INSERT INTO test_failing_marks VALUES ($1, 'pending', 1000000)`, [manager.email]);
      await db.query(`SELECT setval('test_mark_failures', 1000, true)`);
    });

    // The send is refused and putting the row back fails: it stays claimed.
    await waitFor(async () => (await deliveryTo(manager.email))?.status === 'sending');
    await waitFor(
      async () => Number((await db.query(`SELECT last_value FROM test_mark_failures`))[0].last_value) > 1000,
    );
    expect(await deliveryTo(manager.email)).toMatchObject({ status: 'sending' });
    expect(mailsTo(manager.email)).toHaveLength(0);
    refused.delete(manager.email);
    await waitFor(() => mailsTo(manager.email).length >= 1, LEASE_SECONDS * 1000 + 30_000);
    await pause(2000);
    expect(mailsTo(manager.email)).toHaveLength(1);
    expect(await deliveryTo(manager.email)).toMatchObject({ status: 'sent' });
  }, 60_000);

  it('resends a delivery left unmarked by a crash after the send with the same Message-ID', async () => {
    const { manager } = await bookingRequest('Kraschpilot');
    await waitFor(async () => (await deliveryTo(manager.email))?.status === 'sent');
    const delivery = (await deliveryTo(manager.email))!;
    // As if the process died between the SMTP server's acceptance and the mark.
    await db.query(
      `UPDATE deliveries SET status = 'sending', sent_at = NULL, claimed_at = now() - interval '10 minutes' WHERE id = $1`,
      [delivery.id],
    );
    await waitFor(() => mailsTo(manager.email).length >= 2);
    await pause(2000);
    const got: ReceivedMail[] = mailsTo(manager.email);
    expect(got).toHaveLength(2);
    expect(got.map((mail) => mail.messageId)).toEqual([`<${delivery.id}@slussen>`, `<${delivery.id}@slussen>`]);
    expect(await deliveryTo(manager.email)).toMatchObject({ status: 'sent' });
  }, 60_000);
});
