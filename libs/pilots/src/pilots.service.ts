import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  twoSidedScope,
  Clock,
  ConflictError,
  DomainError,
  NotFoundError,
  outbox,
  PolicyService,
  ValidationError,
  type Actor,
  type FieldError,
  type Page,
} from '@slussen/core';
import { AuditService } from '@slussen/identity';
import { DataSource, type EntityManager } from 'typeorm';
import { PilotsConfig } from './pilots.config.js';
import { cadencePoints } from './cadence.js';
import {
  actionTowards,
  MEASURING,
  nextStage,
  PLAN_OPEN,
  type OutcomeResult,
  type PilotAction,
  type PilotStage,
} from './pilot-stage.js';
import { completeFacts, pilotEventDetail, type PilotEventFacts } from './pilot-event-facts.js';
import {
  toMeasurementRequestView,
  toMetricSummary,
  toOutcomeView,
  toPilotEventView,
  toPilotView,
  type PilotView,
} from './pilot.view.js';
import { sideOf } from './pilots.policy.js';
import {
  PilotsRepository,
  type MetricRow,
  type NewMetric,
  type PilotFilter,
  type PilotRow,
} from './repositories/pilots.repository.js';
import { SourcesRepository } from './repositories/sources.repository.js';

export interface PilotChange {
  goals?: string[];
  stage?: PilotStage;
  /** Why the pilot is aborted; required with stage `aborted`. */
  reason?: string;
}

export interface OutcomeCommand {
  result: OutcomeResult;
  summary: string;
  lessons?: string;
  procurementReference?: string;
  procurementDate?: string;
}

const PAST: Record<PilotAction, string> = {
  start: 'started',
  evaluate: 'moved to evaluation',
  complete: 'completed',
  abort: 'aborted',
};

/**
 * Pilots: the plan both sides agree on, the stages time and people move them
 * through, and the outcome. Every change locks the pilot's row, writes a pilot
 * event and an audit entry for both organizations, in one transaction.
 */
@Injectable()
export class PilotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pilots: PilotsRepository,
    private readonly sources: SourcesRepository,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: PilotsConfig,
  ) {}

  async list(actor: Actor, filter: PilotFilter, limit: number, cursor?: string): Promise<Page<PilotView>> {
    const page = await this.pilots.list(twoSidedScope(actor), filter, limit, cursor);
    return { items: page.items.map(toPilotView), nextCursor: page.nextCursor };
  }

  /** The pilot with its summary: per metric where it stands, the outcome and the source. */
  async get(actor: Actor, id: string) {
    const pilot = await this.readable(actor, id);
    const [metrics, outcome, source] = await Promise.all([
      this.pilots.metricSummaries(id),
      this.pilots.outcome(id),
      this.sources.ofPilot(id),
    ]);
    return {
      ...toPilotView(pilot),
      metrics: metrics.map(toMetricSummary),
      outcome: outcome ? toOutcomeView(outcome) : null,
      source: source ? { url: source.url, hasToken: source.sealedToken !== null } : null,
      permissions: this.permissions(actor, pilot),
    };
  }

  /** What the caller may do with the pilot now, so clients offer only that. */
  private permissions(actor: Actor, pilot: PilotRow) {
    const side = sideOf(actor, pilot);
    const mayChange = this.policy.can(actor, 'pilot.update', pilot);
    const planOpen = PLAN_OPEN.has(pilot.stage);
    const mayRecordOutcome =
      this.policy.can(actor, 'pilot.outcome', pilot) && nextStage(pilot.stage, 'complete') !== null;
    return {
      side,
      changePlan: mayChange && planOpen,
      approvePlan:
        side !== null &&
        planOpen &&
        (side === 'company' ? pilot.companyApprovedVersion : pilot.testbedApprovedVersion) !== pilot.planVersion,
      submitMeasurement: mayChange && MEASURING.has(pilot.stage),
      endRunningPhase: mayChange && nextStage(pilot.stage, 'evaluate') !== null,
      abort: mayChange && nextStage(pilot.stage, 'abort') !== null,
      recordOutcome: mayRecordOutcome,
      manageSource: mayChange,
    };
  }

  /**
   * The plan's versions, oldest first, and which side approved each: version 1
   * is the empty plan the pilot is created with, every change makes the next.
   */
  async planVersions(actor: Actor, id: string) {
    const pilot = await this.readable(actor, id);
    const versions: {
      version: number;
      createdAt: string;
      approvedBy: { company: string | null; testbed: string | null };
      agreedAt: string | null;
      current: boolean;
    }[] = [];
    for (const event of await this.pilots.events(id)) {
      const at = new Date(event.at).toISOString();
      if (event.type === 'created')
        versions.push({
          version: 1,
          createdAt: at,
          approvedBy: { company: null, testbed: null },
          agreedAt: null,
          current: false,
        });
      const facts = completeFacts(event.facts);
      if (event.type === 'plan-changed' && facts.planVersion !== null)
        versions.push({
          version: facts.planVersion,
          createdAt: at,
          approvedBy: { company: null, testbed: null },
          agreedAt: null,
          current: false,
        });
      const version =
        event.type === 'plan-approved' && facts.side
          ? versions.find((entry) => entry.version === facts.planVersion)
          : undefined;
      if (facts.side && version) {
        version.approvedBy[facts.side] ??= at;
        if (version.approvedBy.company && version.approvedBy.testbed) version.agreedAt ??= at;
      }
    }
    for (const version of versions) version.current = version.version === pilot.planVersion;
    return { items: versions };
  }

  /** Every requested measurement of a started pilot, by due time, and where each stands. */
  async measurementRequests(actor: Actor, id: string) {
    await this.readable(actor, id);
    const now = this.clock.now();
    return { items: (await this.pilots.measurementRequests(id)).map((row) => toMeasurementRequestView(row, now)) };
  }

  /**
   * Replaces the plan as one new version: the goals and the metrics. A metric
   * keeps its key and measurements when its definition changes; one that has
   * measurements cannot be removed. Nothing changed is no new version.
   */
  async replacePlan(actor: Actor, id: string, plan: { goals: string[]; metrics: NewMetric[] }) {
    const seen = new Set<string>();
    const errors: FieldError[] = [];
    plan.metrics.forEach((metric, index) => {
      if (seen.has(metric.key))
        errors.push({ field: `metrics.${index}.key`, message: 'is already the key of another metric in the plan' });
      seen.add(metric.key);
      if (metric.minimum !== null && metric.maximum !== null && metric.minimum > metric.maximum)
        errors.push({ field: `metrics.${index}.maximum`, message: 'must not be below the minimum' });
    });
    if (errors.length) throw new ValidationError('The plan does not hold together', errors);
    await this.changing(actor, id, 'pilot.update', async (pilot, manager) => {
      if (!PLAN_OPEN.has(pilot.stage))
        throw new ConflictError(`The plan of a pilot in stage ${pilot.stage} can no longer change`);
      const existing = await this.pilots.metrics(id, manager);
      const same = (a: NewMetric, b: NewMetric) =>
        (Object.keys(b) as (keyof NewMetric)[]).every((field) => a[field] === b[field]);
      const byKey = new Map(existing.map((metric) => [metric.key, metric]));
      const goalsChanged = JSON.stringify(pilot.goals) !== JSON.stringify(plan.goals);
      const removed = existing.filter((metric) => !seen.has(metric.key));
      const changed = plan.metrics.filter((metric) => !byKey.has(metric.key) || !same(byKey.get(metric.key)!, metric));
      if (!goalsChanged && removed.length === 0 && changed.length === 0) return;
      for (const metric of removed) {
        if (!(await this.pilots.deleteMetricWithoutMeasurements(metric.id, manager))) {
          const index = existing.indexOf(metric);
          throw new DomainError('conflict', `The metric ${metric.key} has measurements and stays in the plan`, {
            errors: [{ field: `metrics.${index}`, message: 'has measurements and cannot be removed' }],
          });
        }
      }
      for (const metric of changed) {
        const before = byKey.get(metric.key);
        if (before) {
          await this.pilots.updateMetric(before.id, metric, manager);
          if (pilot.stage === 'running' && before.cadence !== metric.cadence) {
            await this.pilots.dropUnopenedRequestsOfMetric(before.id, manager);
            await this.planRequests(pilot, { ...metric, id: before.id }, manager);
          }
        } else {
          const created = await this.pilots.insertMetric(id, metric, manager);
          if (pilot.stage === 'running') await this.planRequests(pilot, created, manager);
        }
      }
      await this.pilots.changePlan(id, manager, plan.goals);
      await this.recordChange(
        actor,
        pilot,
        'pilot.plan-replaced',
        { goals: plan.goals, metrics: plan.metrics.map((metric) => ({ ...metric })) },
        manager,
        {
          type: 'plan-changed',
          facts: { cause: 'plan-replaced', planVersion: pilot.planVersion + 1 },
        },
      );
    });
    return this.get(actor, id);
  }

  async events(actor: Actor, id: string) {
    await this.readable(actor, id);
    return { items: (await this.pilots.events(id)).map(toPilotEventView) };
  }

  /** PATCH: new goals (a new plan version) and/or a stage change that the lifecycle allows. */
  async update(actor: Actor, id: string, change: PilotChange) {
    await this.changing(actor, id, 'pilot.update', async (pilot, manager) => {
      if (change.goals !== undefined) {
        if (!PLAN_OPEN.has(pilot.stage))
          throw new ConflictError(`The plan of a pilot in stage ${pilot.stage} can no longer change`);
        await this.pilots.changePlan(id, manager, change.goals);
        await this.recordChange(actor, pilot, 'pilot.plan-changed', { goals: change.goals }, manager, {
          type: 'plan-changed',
          facts: { cause: 'goals-changed', planVersion: pilot.planVersion + 1 },
        });
        pilot = (await this.pilots.findById(id, manager))!;
      }
      if (change.stage !== undefined && change.stage !== pilot.stage)
        await this.moveByRequest(actor, pilot, change.stage, change.reason, manager);
    });
    return this.get(actor, id);
  }

  /** One side approves the current plan version; when both have, the plan is agreed. */
  async approvePlan(actor: Actor, id: string) {
    await this.changing(actor, id, 'pilot.read', async (pilot, manager) => {
      const side = sideOf(actor, pilot);
      if (!side)
        throw new DomainError('forbidden', 'Only the company or a manager of the test bed can approve the plan');
      if (!PLAN_OPEN.has(pilot.stage))
        throw new ConflictError(`The plan of a pilot in stage ${pilot.stage} can no longer change`);
      const metrics = await this.pilots.metrics(id, manager);
      if (pilot.goals.length === 0 || metrics.length === 0)
        throw new ConflictError('A plan needs at least one goal and one metric before it can be approved');
      if ((side === 'company' ? pilot.companyApprovedVersion : pilot.testbedApprovedVersion) === pilot.planVersion)
        return;
      const agreed = await this.pilots.approvePlan(id, side, this.clock.now(), manager);
      await this.recordChange(actor, pilot, 'pilot.plan-approved', { side, version: pilot.planVersion }, manager, {
        type: 'plan-approved',
        facts: { cause: 'plan-approved', side, planVersion: pilot.planVersion },
      });
      if (agreed)
        await this.pilots.addEvent(
          id,
          { type: 'plan-agreed', actor, facts: { cause: 'plan-agreed', planVersion: pilot.planVersion } },
          manager,
        );
      // The other side hears of an approval (it is their turn), both sides of an agreement.
      await outbox.add(
        agreed ? 'pilot.plan-agreed' : 'pilot.plan-approved',
        { pilotId: id, side, version: pilot.planVersion },
        manager,
      );
    });
    return this.get(actor, id);
  }

  /** Adds a metric: a change of plan. In a running pilot its measurements are requested from now on. */
  async addMetric(actor: Actor, id: string, metric: NewMetric) {
    let created: MetricRow | undefined;
    await this.changing(actor, id, 'pilot.update', async (pilot, manager) => {
      if (!PLAN_OPEN.has(pilot.stage)) throw new ConflictError(`A pilot in stage ${pilot.stage} takes no new metrics`);
      created = await this.pilots.insertMetric(id, metric, manager);
      await this.pilots.changePlan(id, manager);
      if (pilot.stage === 'running') await this.planRequests(pilot, created, manager);
      await this.recordChange(actor, pilot, 'pilot.metric-added', { ...metric }, manager, {
        type: 'plan-changed',
        facts: { cause: 'metric-added', metricKey: metric.key, planVersion: pilot.planVersion + 1 },
      });
    });
    return created!;
  }

  /** A manager of the test bed records how the pilot ended; the pilot is completed. */
  async recordOutcome(actor: Actor, id: string, command: OutcomeCommand) {
    await this.changing(actor, id, 'pilot.outcome', async (pilot, manager) => {
      const to = nextStage(pilot.stage, 'complete');
      if (to === null)
        throw new ConflictError(
          `An outcome can be recorded for a running or evaluating pilot, not a ${pilot.stage} one`,
        );
      if (
        command.result !== 'procured' &&
        (command.procurementReference !== undefined || command.procurementDate !== undefined)
      ) {
        throw new DomainError('validation', 'Only a procured outcome has a procurement reference and date', {
          errors: [{ field: 'result', message: 'must be procured to carry procurement details' }],
        });
      }
      const now = this.clock.now();
      await this.pilots.insertOutcome(
        id,
        {
          result: command.result,
          summary: command.summary,
          lessons: command.lessons ?? null,
          procurementReference: command.procurementReference ?? null,
          procurementDate: command.procurementDate ?? null,
          recordedByUserId: actor.userId,
        },
        now,
        manager,
      );
      await this.transition(actor, pilot, 'complete', manager, {
        facts: { cause: 'outcome-recorded', result: command.result },
      });
      await this.recordChange(actor, pilot, 'pilot.outcome-recorded', { result: command.result }, manager);
    });
    return this.get(actor, id);
  }

  /**
   * Starts a planned pilot whose slot has begun: stage `running`, and the
   * measurement requests of every metric's cadence planned. For the worker
   * (no access check); false when the pilot was no longer due.
   */
  async startDue(id: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await this.pilots.lock(id, manager);
      const pilot = await this.pilots.findById(id, manager);
      if (
        !pilot ||
        pilot.stage !== 'planned' ||
        pilot.bookingStatus !== 'confirmed' ||
        new Date(pilot.startsAt) > this.clock.now()
      )
        return false;
      await this.transition(null, pilot, 'start', manager, { facts: { cause: 'slot-started' } });
      return true;
    });
  }

  /** The pilot and its metric of that key, for someone who may change the pilot. */
  async metricForMeasurement(
    actor: Actor,
    id: string,
    key: string,
  ): Promise<{ pilot: PilotRow; metric: MetricRow | null }> {
    return { pilot: await this.changeable(actor, id), metric: await this.pilots.metricByKey(id, key) };
  }

  /** The pilot, when the caller may see it (else 404) and change it (else 403). */
  async changeable(actor: Actor, id: string): Promise<PilotRow> {
    const pilot = await this.readable(actor, id);
    this.policy.authorize(actor, 'pilot.update', pilot, 'Pilot');
    return pilot;
  }

  /** Moves a running pilot whose slot has ended to evaluation, and tells both sides. For the worker; false when no longer due. */
  async evaluateDue(id: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await this.pilots.lock(id, manager);
      const pilot = await this.pilots.findById(id, manager);
      if (!pilot || pilot.stage !== 'running' || new Date(pilot.endsAt) > this.clock.now()) return false;
      await this.transition(null, pilot, 'evaluate', manager, { facts: { cause: 'slot-ended' } });
      await outbox.add('pilot.evaluating', { pilotId: id }, manager);
      return true;
    });
  }

  /** A pilot as notifications tell it (no access check: for the worker). */
  forNotification(id: string): Promise<PilotRow | null> {
    return this.pilots.findById(id);
  }

  /** Pilots as notifications tell them, by id, in one read (no access check: for the worker). */
  forNotifications(ids: readonly string[]): Promise<Map<string, PilotRow>> {
    return this.pilots.findByIds(ids);
  }

  private async moveByRequest(
    actor: Actor,
    pilot: PilotRow,
    stage: PilotStage,
    reason: string | undefined,
    manager: EntityManager,
  ): Promise<void> {
    const action = actionTowards(stage);
    if (action === 'complete')
      throw new ConflictError('A pilot is completed by recording its outcome (POST /pilots/:id/outcome)');
    if (action === null || nextStage(pilot.stage, action) === null)
      throw new ConflictError(`A ${pilot.stage} pilot cannot be ${action ? PAST[action] : `moved to ${stage}`}`);
    if (action === 'start' && (pilot.bookingStatus !== 'confirmed' || new Date(pilot.startsAt) > this.clock.now())) {
      throw new ConflictError('A pilot starts when its slot starts');
    }
    if (action === 'abort' && !reason?.trim())
      throw new DomainError('validation', 'Say why the pilot is aborted', {
        errors: [{ field: 'reason', message: 'required when stage is aborted' }],
      });
    await this.transition(actor, pilot, action, manager, {
      facts: { reason: reason ?? null },
      abortReason: action === 'abort' ? reason!.trim() : undefined,
    });
  }

  private async transition(
    actor: Actor | null,
    pilot: PilotRow,
    action: PilotAction,
    manager: EntityManager,
    options: { facts: Partial<PilotEventFacts>; abortReason?: string },
  ): Promise<void> {
    const to = nextStage(pilot.stage, action);
    if (to === null) throw new ConflictError(`A ${pilot.stage} pilot cannot be ${PAST[action]}`);
    await this.pilots.setStage(pilot.id, to, this.clock.now(), manager, options.abortReason);
    if (to === 'running')
      for (const metric of await this.pilots.metrics(pilot.id, manager))
        await this.planRequests(pilot, metric, manager);
    if (to === 'completed' || to === 'aborted') await this.pilots.dropUnopenedRequests(pilot.id, manager);
    // Changes that time makes are audited too, with no actor.
    await this.recordChange(
      actor,
      pilot,
      `pilot.${to}`,
      { from: pilot.stage, to, reason: pilotEventDetail(options.facts) },
      manager,
      null,
    );
    await this.pilots.addEvent(
      pilot.id,
      { type: to, fromStage: pilot.stage, toStage: to, actor, facts: options.facts },
      manager,
    );
  }

  /** The metric's cadence points over the pilot's period that are still ahead. */
  private async planRequests(pilot: PilotRow, metric: MetricRow, manager: EntityManager): Promise<void> {
    const now = this.clock.now().getTime();
    const points = cadencePoints(
      metric.cadence,
      { startsAt: new Date(pilot.startsAt), endsAt: new Date(pilot.endsAt) },
      pilot.timezone,
      this.config.measurementGraceDays,
    );
    await this.pilots.planRequests(
      pilot.id,
      metric.id,
      points.filter((point) => point.dueAt.getTime() > now),
      manager,
    );
  }

  /** Audit entries for both organizations, and optionally a pilot event; in the change's transaction. */
  async recordChange(
    actor: Actor | null,
    pilot: PilotRow,
    action: string,
    details: Record<string, unknown>,
    manager: EntityManager,
    event: { type: string; facts: Partial<PilotEventFacts> } | null = null,
  ): Promise<void> {
    for (const organizationId of new Set([pilot.organizationId, pilot.testbedOrganizationId])) {
      await this.audit.record(
        actor,
        { action, organizationId, subjectType: 'pilot', subjectId: pilot.id, details },
        manager,
      );
    }
    if (event) await this.pilots.addEvent(pilot.id, { ...event, actor }, manager);
  }

  /** Runs a change on the locked pilot after checking the caller may make it. */
  private async changing(
    actor: Actor,
    id: string,
    permission: 'pilot.update' | 'pilot.outcome' | 'pilot.read',
    work: (pilot: PilotRow, manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.readable(actor, id);
    await this.dataSource.transaction(async (manager) => {
      await this.pilots.lock(id, manager);
      const pilot = (await this.pilots.findById(id, manager))!;
      this.policy.authorize(actor, permission, pilot, 'Pilot');
      await work(pilot, manager);
    });
  }

  async readable(actor: Actor, id: string): Promise<PilotRow> {
    const pilot = await this.pilots.findById(id);
    if (!pilot) throw new NotFoundError('Pilot');
    this.policy.authorize(actor, 'pilot.read', pilot, 'Pilot');
    return pilot;
  }
}
