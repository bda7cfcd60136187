import { Logger, type INestApplicationContext } from '@nestjs/common';
import { TestbedsService } from '@slussen/catalogue';
import { Clock, type Actor } from '@slussen/core';
import { PilotsConfig } from '@slussen/pilots';
import { AccountsService, MembersService, OrganizationsService } from '@slussen/identity';
import { ReportBuilderService, ReportingConfig, reportedDay } from '@slussen/reporting';
import { BookingsService, SlotsService } from '@slussen/scheduling';
import { DateTime, type WeekdayNumbers } from 'luxon';
import { DataSource } from 'typeorm';
import {
  DEMO_COMPANIES,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_PILOT,
  DEMO_TESTBEDS,
  HISTORY_FROM_COMPANIES,
} from './demo-data.js';
import { HISTORY_COMPANIES, seedHistory } from './demo-history.js';
import { seedRunningPilot } from './demo-pilot.js';
import { seedSluice } from './demo-ideas.js';
import { seedSluiceHistory } from './demo-sluice-history.js';
import { seedPublishedResult } from './demo-result.js';

export interface SeedResult {
  seeded: boolean;
  logins: Array<{ email: string; organization: string; role: string }>;
}

/**
 * Fills an empty database with Swedish demo content through the real services:
 * regions, municipalities, an agency, companies, people in every role, a dozen
 * published test beds and slots over the next six months, a running pilot
 * with a measurement due, a request to decide, and a
 * year of history (past bookings, decisions, completed pilots with their
 * measurements and outcomes) with the nightly reports of every month of it.
 */
export async function seedDemo(app: INestApplicationContext): Promise<SeedResult> {
  const logger = new Logger('DemoSeed');
  const [{ taken }] = await app
    .get(DataSource)
    .query('SELECT EXISTS (SELECT 1 FROM testbeds) OR EXISTS (SELECT 1 FROM organizations) AS taken');
  if (taken) {
    logger.log('the database already holds organizations or test beds; demo data not added');
    return { seeded: false, logins: [] };
  }
  const admin = await app.get(AccountsService).platformAdminActor();
  if (!admin) throw new Error('the demo seed needs a platform admin: set ADMIN_EMAIL and ADMIN_PASSWORD');

  const organizations = app.get(OrganizationsService);
  const members = app.get(MembersService);
  const logins: SeedResult['logins'] = [];
  const ids = new Map<string, string>();

  for (const organization of DEMO_ORGANIZATIONS) {
    const created = await organizations.create(admin, {
      name: organization.name,
      kind: organization.kind,
      parentId: organization.parent ? ids.get(organization.parent) : undefined,
    });
    ids.set(organization.key, created.id);
    for (const person of organization.people) {
      await members.add(admin, created.id, { ...person, password: DEMO_PASSWORD });
      logins.push({ email: person.email, organization: organization.name, role: person.role });
    }
  }

  for (const company of DEMO_COMPANIES) {
    const [first, ...others] = company.people;
    const signup = await app
      .get(AccountsService)
      .signup({ email: first!.email, name: first!.name, password: DEMO_PASSWORD, company: { name: company.name } });
    ids.set(company.name, signup.organization.id);
    logins.push({ email: first!.email, organization: company.name, role: 'admin' });
    for (const person of others) {
      await members.add(admin, signup.organization.id, { ...person, password: DEMO_PASSWORD });
      logins.push({ email: person.email, organization: company.name, role: person.role });
    }
  }

  const testbeds = app.get(TestbedsService);
  const slots = app.get(SlotsService);
  const testbedIds = new Map<string, string>();
  for (const { owner, slots: plan, ...profile } of DEMO_TESTBEDS) {
    const testbed = await testbeds.create(admin, ids.get(owner)!, profile);
    testbedIds.set(profile.name, testbed.id);
    await testbeds.publish(admin, testbed.id);
    await slots.create(admin as Actor, testbed.id, {
      ...firstSlot(profile.timezone ?? 'Europe/Stockholm', plan.weekday, plan.hours),
      capacity: plan.capacity,
      recurrence:
        plan.frequency === 'weekly'
          ? { frequency: 'weekly', interval: 1, count: 26 }
          : { frequency: 'monthly', interval: 1, count: 6 },
    });
  }
  await seedPilots(app, testbedIds.get(DEMO_PILOT.testbed)!);

  const historyCompanies = [...HISTORY_FROM_COMPANIES.map((name) => ids.get(name)!)];
  for (const name of HISTORY_COMPANIES)
    historyCompanies.push((await organizations.create(admin, { name, kind: 'company' })).id);
  const history = await app.get(DataSource).transaction((manager) =>
    seedHistory(
      manager,
      DEMO_TESTBEDS.map((testbed) => ({ ...testbed, id: testbedIds.get(testbed.name)! })),
      historyCompanies,
    ),
  );
  const result = await seedPublishedResult(app);
  const sluice = await seedSluice(app);
  const pastIdeas = await app
    .get(DataSource)
    .transaction((manager) =>
      seedSluiceHistory(
        manager,
        { id: sluice.sluiceId, organizationId: sluice.organizationId, nurseUserId: sluice.nurseUserId },
        historyCompanies,
      ),
    );
  const reports = await buildReports(app);
  logger.log(
    `demo data added: ${DEMO_ORGANIZATIONS.length + DEMO_COMPANIES.length + HISTORY_COMPANIES.length} organizations, ${logins.length} people, ${DEMO_TESTBEDS.length} test beds, CareUp's pilot running (a measurement due) and Vitalsens' request awaiting a decision; a year of history (${history.bookings} bookings, ${history.pilots} pilots) and ${reports} nightly reports; ${result ? 'one published result adopted by Malmö stad' : 'no published result (no fitting pilot in the history)'}; Region Stockholm's innovation sluice with a need in screening, an answered public need and ${pastIdeas} needs and ideas of the past year`,
  );
  return { seeded: true, logins };
}

/**
 * A pilot to follow and a request to decide: CareUp's pilot is running (its
 * past written with explicit times, see demo-pilot.ts); Vitalsens asks, as a
 * company would, for one of the coming weekly slots, to be decided by Johan
 * before its decision deadline.
 */
async function seedPilots(app: INestApplicationContext, testbedId: string): Promise<void> {
  const accounts = app.get(AccountsService);
  const as = async (email: string) => (await accounts.authenticate(email, DEMO_PASSWORD))!;
  const [company, otherCompany, manager] = [
    await as(DEMO_PILOT.company),
    await as(DEMO_PILOT.waitingCompany),
    await as(DEMO_PILOT.manager),
  ];
  const { items } = await app.get(SlotsService).list(manager, testbedId, {});
  await app
    .get(BookingsService)
    .book(otherCompany, items[DEMO_PILOT.waitingSlotIndex]!.id, { title: DEMO_PILOT.waitingTitle });
  const timezone = DEMO_TESTBEDS.find((testbed) => testbed.name === DEMO_PILOT.testbed)!.timezone ?? 'Europe/Stockholm';
  const parties = {
    testbedId,
    timezone,
    companyId: company.memberships[0]!.organizationId,
    companyUserId: company.userId!,
    managerUserId: manager.userId!,
    measurementGraceDays: app.get(PilotsConfig).measurementGraceDays,
  };
  await app.get(DataSource).transaction((entities) => seedRunningPilot(entities, parties, app.get(Clock).now()));
}

/**
 * The nightly reports of the last day of each of the past twelve months (so
 * every month has its whole-month report and the year's charts are full) and of
 * yesterday, built now, as the worker would have built them each night.
 */
async function buildReports(app: INestApplicationContext): Promise<number> {
  const { timezone } = app.get(ReportingConfig);
  const builder = app.get(ReportBuilderService);
  const yesterday = reportedDay(new Date(), timezone);
  const start = DateTime.fromISO(yesterday, { zone: timezone }).startOf('month');
  const nights = [
    ...Array.from({ length: 12 }, (_, index) =>
      start
        .minus({ months: 12 - index })
        .endOf('month')
        .toISODate()!,
    ),
    yesterday,
  ];
  for (const night of new Set(nights)) await builder.build((await builder.nightlyRun(night)).id);
  return new Set(nights).size;
}

/** 09:00 local on the given weekday of next week. */
function firstSlot(zone: string, weekday: WeekdayNumbers, hours: number) {
  const start = DateTime.now()
    .setZone(zone)
    .plus({ weeks: 1 })
    .set({ weekday, hour: 9, minute: 0, second: 0, millisecond: 0 });
  return { startsAt: start.toJSDate(), endsAt: start.plus({ hours }).toJSDate() };
}
