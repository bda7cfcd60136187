import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The trigger function that wakes the relay, doing `body`. */
const notifyFunction = (body: string) => `
  CREATE OR REPLACE FUNCTION outbox_messages_notify() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    ${body}
    RETURN NULL;
  END
  $$`;

/**
 * PostgreSQL serialises the commits of transactions that NOTIFY on one global
 * lock, held through the commit's WAL flush: with a NOTIFY per booking, bookings
 * committed one after another (about a third of the server's ceiling). Now the
 * wake-up is sent at commit (a deferred trigger) by one committing transaction
 * at a time, the one that wins a try-lock; the others commit alongside without
 * NOTIFY, and the relay woken by the winner finds their rows too, or the next
 * wake-up or the relay's poll does. A message inserted while nothing else is
 * committing wakes the relay at once, as before.
 */
export class OutboxNotifyOneAtATime1796070000000 implements MigrationInterface {
  name = 'OutboxNotifyOneAtATime1796070000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER outbox_messages_notify ON outbox_messages`);
    await queryRunner.query(
      notifyFunction(`
        -- Held until this transaction ends; a second row of it takes it again at once.
        IF pg_try_advisory_xact_lock(hashtextextended('outbox_messages:notify', 0)) THEN
          PERFORM pg_notify('outbox_messages', '');
        END IF;`),
    );
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER outbox_messages_notify
        AFTER INSERT ON outbox_messages
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION outbox_messages_notify()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER outbox_messages_notify ON outbox_messages`);
    await queryRunner.query(notifyFunction(`PERFORM pg_notify('outbox_messages', '');`));
    await queryRunner.query(`
      CREATE TRIGGER outbox_messages_notify
        AFTER INSERT ON outbox_messages
        FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify()`);
  }
}
