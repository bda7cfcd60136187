import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

/**
 * The outbox's wake-up (OutboxNotifyOneAtATime1796070000000): a message
 * committed alone wakes the relay; of transactions committing at the same time
 * only one sends NOTIFY, so they are not serialised on PostgreSQL's NOTIFY lock.
 */
describe('the outbox wake-up on the real PostgreSQL', () => {
  const url = process.env.DATABASE_URL;
  const clients: pg.Client[] = [];
  const notified: string[] = [];
  let listener: pg.Client;

  const connect = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    clients.push(client);
    return client;
  };
  const insert = (client: pg.Client, topic: string) =>
    client.query(`INSERT INTO outbox_messages (topic, payload, dispatched_at) VALUES ($1, '{}', now())`, [topic]);
  /** Waits until NOTIFYs sent by now have arrived: a round trip on the listening connection comes after them. */
  const settle = async () => {
    await new Promise((done) => setTimeout(done, 100));
    await listener.query('SELECT 1');
  };

  beforeAll(async () => {
    if (!url) throw new Error('DATABASE_URL comes from the test global setup');
    listener = await connect();
    listener.on('notification', (message) => notified.push(message.channel));
    await listener.query('LISTEN outbox_messages');
  });
  afterEach(() => {
    notified.length = 0;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
  });

  it('wakes the relay once per transaction, at commit, and never for a rollback', async () => {
    const [writer] = [await connect()];
    await writer.query('BEGIN');
    await insert(writer, 'test.one');
    await insert(writer, 'test.two');
    await settle();
    expect(notified).toEqual([]);
    await writer.query('COMMIT');
    await settle();
    expect(notified).toEqual(['outbox_messages']);

    notified.length = 0;
    await writer.query('BEGIN');
    await insert(writer, 'test.rolled-back');
    await writer.query('ROLLBACK');
    await insert(writer, 'test.alone');
    await settle();
    expect(notified).toEqual(['outbox_messages']);
  });

  it('lets one of two transactions committing at the same time send the NOTIFY, and the next one after them', async () => {
    const [first, second] = [await connect(), await connect()];
    await first.query('BEGIN');
    await insert(first, 'test.first');
    // Runs the deferred trigger now, as the commit would: the first takes the wake-up.
    await first.query('SET CONSTRAINTS ALL IMMEDIATE');
    await second.query('BEGIN');
    await insert(second, 'test.second');
    await second.query('COMMIT');
    await first.query('COMMIT');
    await settle();
    expect(notified).toEqual(['outbox_messages']);

    // The try-lock went with the first transaction's commit: a later message wakes the relay again.
    await insert(second, 'test.third');
    await settle();
    expect(notified).toEqual(['outbox_messages', 'outbox_messages']);
  });
});
