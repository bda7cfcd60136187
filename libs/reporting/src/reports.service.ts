import { Injectable } from '@nestjs/common';
import { TestbedsService } from '@slussen/catalogue';
import { DomainError, NotFoundError, PolicyService, ValidationError, type Actor, type Page } from '@slussen/core';
import { AccountsService, OrganizationsService } from '@slussen/identity';
import { DateTime } from 'luxon';
import { ReportingConfig } from './reporting.config.js';
import type { ReportScope } from './entities/report-snapshot.entity.js';
import { renderReportCsv } from './render/report-csv.js';
import { renderReportHtml } from './render/report-html.js';
import { reportLanguage, type ReportLanguage } from './render/report-text.js';
import { toReportSummary, toReportView, utilizationByMonth, type ReportView } from './render/report-view.js';
import { monthsOfPeriod } from './report-periods.js';
import { ownedReportOrganizations, readsEveryReport } from './reporting.policy.js';
import { ReportRunsRepository, type RunRow } from './repositories/report-runs.repository.js';
import { ReportsRepository, type ReportVisibility, type SnapshotFilter } from './repositories/reports.repository.js';

export interface RunCommand {
  scope: ReportScope;
  subjectId?: string;
  /** An ISO 8601 date or time; a date, or a time without an offset, is local to REPORT_TIMEZONE. */
  from: string | Date;
  to: string | Date;
}

/** An instant from an ISO 8601 text: a day (`2027-01-01`) is that local day's first instant in `timezone`, a time without offset is local too. */
export function localInstant(value: string | Date, timezone: string): Date {
  if (value instanceof Date) return value;
  const parsed = DateTime.fromISO(value, { zone: timezone });
  return parsed.isValid ? parsed.toJSDate() : new Date(Number.NaN);
}

const DAY_MS = 86_400_000;

export const toRunView = (run: RunRow) => ({
  id: run.id,
  kind: run.kind,
  night: run.night,
  scope: run.scope,
  subjectId: run.subjectId,
  from: new Date(run.periodStart).toISOString(),
  to: new Date(run.periodEnd).toISOString(),
  status: run.status,
  progress: { stepsDone: run.stepsDone, stepsTotal: run.stepsTotal },
  snapshots: run.snapshots,
  error: run.error,
  createdAt: new Date(run.createdAt).toISOString(),
  startedAt: run.startedAt ? new Date(run.startedAt).toISOString() : null,
  finishedAt: run.finishedAt ? new Date(run.finishedAt).toISOString() : null,
});

/** Reading reports, asking for runs and subscribing; the building itself is ReportBuilderService's. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly runs: ReportRunsRepository,
    private readonly policy: PolicyService,
    private readonly testbeds: TestbedsService,
    private readonly organizations: OrganizationsService,
    private readonly accounts: AccountsService,
    private readonly config: ReportingConfig,
  ) {}

  async list(
    actor: Actor,
    filter: SnapshotFilter,
    limit: number,
    cursor?: string,
  ): Promise<Page<ReturnType<typeof toReportSummary>>> {
    const page = await this.reports.list(this.visibleTo(actor), filter, limit, cursor);
    const names = await this.subjectNames(page.items);
    return {
      items: page.items.map((row) => ({
        ...toReportSummary(row),
        subjectName: row.subjectId ? (names.get(row.subjectId) ?? null) : null,
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** The snapshot with its figures' words in `language` (English unless asked), and utilization by month of its period. */
  async get(actor: Actor, id: string, language: ReportLanguage = 'en'): Promise<ReportView> {
    const row = await this.reports.findById(id);
    if (!row) throw new NotFoundError('Report');
    this.policy.authorize(
      actor,
      'report.read',
      { scope: row.scope, organizationId: row.subjectOrganizationId },
      'Report',
    );
    const timezone = this.config.timezone;
    const months = monthsOfPeriod(new Date(row.periodStart), new Date(row.periodEnd), timezone);
    const found = await this.reports.monthlyUtilization(row.scope, row.subjectId, months);
    return toReportView(
      row,
      await this.subjectName(row.scope, row.subjectId),
      timezone,
      language,
      utilizationByMonth(months, found, timezone),
    );
  }

  /** The CSV, its header row and definitions in the language asked for (the web app asks for its reader's), else English as before. */
  async csv(actor: Actor, id: string, asked: ReportLanguage = 'en'): Promise<string> {
    return renderReportCsv(await this.get(actor, id, asked));
  }

  /** The printable page in the language asked for, else the reader's own. */
  async html(actor: Actor, id: string, asked?: ReportLanguage): Promise<string> {
    const readers =
      asked ?? (actor.type === 'user' ? (await this.accounts.me(actor).catch(() => null))?.language : undefined);
    return renderReportHtml(await this.get(actor, id, reportLanguage(asked, readers)));
  }

  /** Every organization and test bed with a snapshot the caller may read, by name. */
  async subjects(actor: Actor): Promise<{
    items: Array<{ scope: 'organization' | 'testbed'; subjectId: string; subjectName: string | null }>;
  }> {
    const rows = await this.reports.subjects(this.visibleTo(actor));
    const names = await this.subjectNames(rows);
    const items = rows.map((row) => ({ ...row, subjectName: names.get(row.subjectId) ?? null }));
    items.sort(
      (a, b) =>
        (a.subjectName ?? a.subjectId).localeCompare(b.subjectName ?? b.subjectId, 'sv') ||
        a.scope.localeCompare(b.scope),
    );
    return { items };
  }

  private visibleTo(actor: Actor): ReportVisibility {
    return readsEveryReport(actor) ? { all: true } : { organizations: ownedReportOrganizations(actor) };
  }

  /**
   * Records an on-demand run for the worker to build (agency and platform
   * admins), or answers with the identical run already in progress; 429 past
   * REPORT_RUNS_PER_HOUR runs an hour per person or API token.
   */
  async requestRun(actor: Actor, request: RunCommand): Promise<{ run: RunRow; reused: boolean }> {
    const timezone = this.config.timezone;
    const command = { ...request, from: localInstant(request.from, timezone), to: localInstant(request.to, timezone) };
    if (Number.isNaN(command.from.getTime()) || Number.isNaN(command.to.getTime())) {
      throw new ValidationError('from and to must be ISO 8601 dates or times', [
        { field: Number.isNaN(command.from.getTime()) ? 'from' : 'to', message: 'must be an ISO 8601 date or time' },
      ]);
    }
    if ((command.scope === 'platform') !== (command.subjectId === undefined)) {
      throw new ValidationError('A platform report has no subject; an organization or test-bed report needs one', [
        { field: 'subjectId', message: command.scope === 'platform' ? 'must be absent for the platform' : 'required' },
      ]);
    }
    if (
      command.to.getTime() <= command.from.getTime() ||
      command.to.getTime() - command.from.getTime() > this.config.maxPeriodDays * DAY_MS
    ) {
      throw new ValidationError(
        `The period must end after it starts and last at most ${this.config.maxPeriodDays} days`,
        [{ field: 'to', message: 'must be after from, within the longest period' }],
      );
    }
    const owner = await this.reports.subjectOwner(command.scope, command.subjectId ?? null);
    if (!owner.exists) throw new NotFoundError(command.scope === 'organization' ? 'Organization' : 'Test bed');
    this.policy.authorize(
      actor,
      'report.run',
      { scope: command.scope, organizationId: owner.organizationId },
      'Report',
    );
    const requested = await this.runs.requestOnDemand(
      { scope: command.scope, subjectId: command.subjectId ?? null, periodStart: command.from, periodEnd: command.to },
      { userId: actor.userId, apiTokenId: actor.type === 'apiToken' ? actor.id : null },
      this.config.runsPerHour,
    );
    if ('retryAfterSeconds' in requested) {
      throw new DomainError(
        'rate-limited',
        `You may start ${this.config.runsPerHour} report runs an hour; try again in ${requested.retryAfterSeconds} s`,
        {
          extensions: { retryAfterSeconds: requested.retryAfterSeconds },
        },
      );
    }
    return requested;
  }

  async run(actor: Actor, id: string) {
    const run = await this.runs.findById(id);
    if (
      !run ||
      !(readsEveryReport(actor) || (run.requestedByUserId !== null && run.requestedByUserId === actor.userId))
    )
      throw new NotFoundError('Report run');
    return toRunView(run);
  }

  async subscribe(actor: Actor, scope: ReportScope, subjectId: string | undefined) {
    if (actor.type !== 'user') throw new DomainError('forbidden', 'Subscriptions are for people, not API tokens');
    const owner = await this.reports.subjectOwner(scope, subjectId ?? null);
    if (!owner.exists || (scope === 'platform') !== (subjectId === undefined))
      throw new NotFoundError('Report subject');
    this.policy.authorize(actor, 'report.subscribe', { scope, organizationId: owner.organizationId }, 'Report subject');
    return this.reports.subscribe(actor.userId, scope, subjectId ?? null);
  }

  subscriptions(actor: Actor) {
    return actor.type === 'user'
      ? this.reports.subscriptionsOf(actor.userId).then((items) => ({ items }))
      : Promise.resolve({ items: [] });
  }

  async unsubscribe(actor: Actor, id: string): Promise<void> {
    if (actor.type !== 'user' || !(await this.reports.unsubscribe(actor.userId, id)))
      throw new NotFoundError('Subscription');
  }

  /** Snapshots and their subjects' names, by id, for the month-ready e-mail; one read of each for many (no access check: for the worker). */
  async forNotifications(
    ids: readonly string[],
  ): Promise<
    Map<string, { id: string; scope: ReportScope; subjectName: string | null; periodStart: Date; periodEnd: Date }>
  > {
    const rows = await this.reports.findByIds(ids);
    const names = await this.subjectNames(rows);
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          scope: row.scope,
          subjectName: row.scope === 'platform' || row.subjectId === null ? null : (names.get(row.subjectId) ?? null),
          periodStart: row.periodStart,
          periodEnd: row.periodEnd,
        },
      ]),
    );
  }

  /** The names of the organizations and test beds the snapshots are about. */
  private async subjectNames(
    rows: Array<{ scope: ReportScope; subjectId: string | null }>,
  ): Promise<Map<string, string>> {
    const of = (scope: ReportScope) =>
      rows.filter((row) => row.scope === scope && row.subjectId).map((row) => row.subjectId!);
    const [organizations, testbeds] = [of('organization'), of('testbed')];
    const names = new Map(organizations.length ? await this.organizations.namesOf(organizations) : []);
    if (testbeds.length) for (const [id, testbed] of await this.testbeds.byIds(testbeds)) names.set(id, testbed.name);
    return names;
  }

  private async subjectName(scope: ReportScope, subjectId: string | null): Promise<string | null> {
    if (scope === 'platform' || subjectId === null) return null;
    if (scope === 'testbed') return (await this.testbeds.byIds([subjectId])).get(subjectId)?.name ?? null;
    return (await this.organizations.namesOf([subjectId])).get(subjectId) ?? null;
  }
}
