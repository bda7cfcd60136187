import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory } from '@slussen/testing';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import request from 'supertest';
import { createApiApp } from '../../api-app.js';
import { createTestbed, daysFromNow } from '../../catalogue-fixtures.js';
import {
  brokenRule,
  casesOf,
  describeCase,
  knownFieldNames,
  operationsOf,
  send,
  type FuzzContext,
  type Operation,
} from './fuzz-engine.js';

// `npm test` runs a bounded, repeatable fuzz (a fixed seed); `npm run fuzz` a long
// one with a random seed (FUZZ_SEED and FUZZ_RUNS override both), printing the seed.
const LONG = process.env.FUZZ_LONG === '1';
const SEED = Number(process.env.FUZZ_SEED ?? (LONG ? Math.floor(Math.random() * 2 ** 31) : 20261130));
const RUNS = Number(process.env.FUZZ_RUNS ?? (LONG ? 200 : 6));

describe('OpenAPI fuzzer: every operation, bad input, anonymous and as a company', () => {
  let app: NestExpressApplication;
  let context: FuzzContext;
  let document: Parameters<typeof operationsOf>[0];

  beforeAll(async () => {
    app = await createApiApp({ env: { THROTTLE_AUTH_LIMIT: '100000', THROTTLE_AUTH_ACCOUNT_LIMIT: '100000' } });
    const factory = new IdentityFactory(app);
    const region = await factory.organization('region');
    const manager = await factory.member(region.id, 'manager');
    const company = await factory.organization('company');
    const companyAdmin = await factory.member(company.id, 'admin');
    const testbed = await createTestbed(app, manager.token, region.id, {
      rules: {
        requiresApproval: false,
        minLeadDays: 1,
        maxAdvanceDays: 365,
        maxActiveBookingsPerCompany: 50,
        decisionDays: 5,
      },
    });
    const slots = await request(app.getHttpServer())
      .post(`/api/v1/testbeds/${testbed.id}/slots`)
      .set('Authorization', `Bearer ${manager.token}`)
      .send({ startsAt: daysFromNow(40, 8), endsAt: daysFromNow(40, 16), capacity: 2 });
    const slotId = slots.body.items[0].id as string;
    const booking = await request(app.getHttpServer())
      .post(`/api/v1/slots/${slotId}/bookings`)
      .set('Authorization', `Bearer ${companyAdmin.token}`)
      .send({ title: 'Fuzzpilot' });
    const pilots = await request(app.getHttpServer())
      .get('/api/v1/pilots')
      .set('Authorization', `Bearer ${companyAdmin.token}`);
    context = {
      server: app.getHttpServer(),
      bearer: companyAdmin.token,
      ids: [
        testbed.id,
        slotId,
        booking.body.id,
        company.id,
        region.id,
        ...(pilots.body.items ?? []).map((pilot: { id: string }) => pilot.id),
      ].filter(Boolean),
    };
    document = (await request(app.getHttpServer()).get('/docs-json')).body;
    if (LONG)
      process.stderr.write(
        `fuzz: seed ${SEED}, ${RUNS} cases per operation (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npm run fuzz repeats it)\n`,
      );
  });
  afterAll(() => app.close());

  it(
    'answers no 5xx and only problem+json 4xx to any of them',
    async () => {
      const operations: Operation[] = operationsOf(document);
      expect(operations.length).toBeGreaterThan(50);
      const queryKeys = knownFieldNames();
      const failures: string[] = [];
      let cases = 0;
      for (const [index, operation] of operations.entries()) {
        const seed = SEED + index;
        let smallest = '';
        try {
          await fc.assert(
            fc.asyncProperty(casesOf(document, operation, context.ids, queryKeys), async (fuzz) => {
              cases++;
              const broken = brokenRule(await send(context, operation, fuzz));
              if (broken) {
                smallest = `${describeCase(operation, fuzz)} ${broken}`;
                throw new Error(smallest);
              }
            }),
            { seed, numRuns: RUNS, endOnFailure: !LONG },
          );
        } catch (error) {
          const message = `${operation.method.toUpperCase()} ${operation.path} (FUZZ_SEED=${SEED}, operation ${index}, property seed ${seed}): ${smallest || (error as Error).message.slice(0, 1000)}`;
          failures.push(message);
          if (LONG) process.stderr.write(`fuzz failure: ${message}\n`);
        }
      }
      process.stderr.write(
        `fuzz: ${operations.length} operations, ${cases} cases (${RUNS} per operation), seed ${SEED}\n`,
      );
      if (failures.length > 0 && process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, failures.join('\n\n'));
      expect(failures).toEqual([]);
    },
    LONG ? 24 * 3_600_000 : 600_000,
  );
});
