import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Clock,
  ConflictError,
  NotFoundError,
  outbox,
  PolicyService,
  ValidationError,
  type Actor,
  type Page,
} from '@slussen/core';
import { prefixQuery } from '@slussen/catalogue';
import { AuditService } from '@slussen/identity';
import { PilotsService } from '@slussen/pilots';
import { DataSource, type EntityManager } from 'typeorm';
import { CONSENT_PARTS, type ConsentPart } from './consent-parts.js';
import { consentingSide } from './library.policy.js';
import { ResultsRepository, type ResultSearch } from './repositories/results.repository.js';
import { toAdoptionView, toPublicationView, toResultView, type ResultView } from './result.view.js';

export interface ConsentCommand {
  consent: boolean;
  /** The parts this side consents to show; all of them when not given. */
  parts?: ConsentPart[];
}

export interface AdoptionCommand {
  organizationId: string;
  adoptedAt: string;
  note?: string;
}

const ADOPTERS = new Set(['region', 'municipality']);

/**
 * The results library: both sides' consent to publish a completed pilot, the
 * public reads of what they consented to, and adoptions elsewhere. Consents
 * and adoptions write an audit entry per organization and an outbox message
 * in their transaction.
 */
@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly results: ResultsRepository,
    private readonly pilots: PilotsService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Where the pilot's publication stands, for either side (and platform admins). */
  async publication(actor: Actor, pilotId: string) {
    const pilot = await this.pilots.readable(actor, pilotId);
    return toPublicationView(pilotId, await this.results.consentOf(pilotId), consentingSide(actor, pilot));
  }

  /**
   * One side consents (to all parts, or to `parts`) or withdraws its consent.
   * Published while both consent; a withdrawal takes the result out of the
   * public library at once. The other side hears of it by e-mail.
   */
  async consent(actor: Actor, pilotId: string, command: ConsentCommand) {
    const pilot = await this.pilots.readable(actor, pilotId);
    this.policy.authorize(actor, 'result.consent', pilot, 'Pilot');
    const side = consentingSide(actor, pilot)!;
    if (pilot.stage !== 'completed')
      throw new ConflictError(`Only a completed pilot can be published, not a ${pilot.stage} one`);
    if (!command.consent && command.parts !== undefined)
      throw new ValidationError('A withdrawal names no parts', [
        { field: 'parts', message: 'must be left out when consent is false' },
      ]);
    const parts = CONSENT_PARTS.filter((part) => (command.parts ?? CONSENT_PARTS).includes(part));
    const row = await this.dataSource.transaction(async (manager) => {
      await this.results.lockPilot(pilotId, manager);
      const before = await this.results.consentOf(pilotId, manager);
      const had = side === 'company' ? before?.companyConsentedAt : before?.testbedConsentedAt;
      const hadParts = side === 'company' ? before?.companyParts : before?.testbedParts;
      if (!command.consent) {
        if (!had) return before;
        const after = await this.results.withdraw(pilotId, side, manager);
        await this.record(
          actor,
          pilot,
          'result.consent-withdrawn',
          { side, wasPublished: !!before?.publishedAt },
          manager,
        );
        await outbox.add('result.withdrawn', { pilotId, side }, manager);
        return after;
      }
      if (had && JSON.stringify(hadParts) === JSON.stringify(parts)) return before;
      const after = await this.results.consent(pilotId, side, actor.userId, parts, this.clock.now(), manager);
      await this.record(actor, pilot, 'result.consent', { side, parts }, manager);
      if (after.publishedAt && !before?.publishedAt) {
        await this.record(actor, pilot, 'result.publish', { resultId: after.id }, manager);
        await outbox.add('result.published', { pilotId, side }, manager);
      } else if (!had) await outbox.add('result.consented', { pilotId, side }, manager);
      return after;
    });
    return toPublicationView(pilotId, row, side);
  }

  /** Published results, searched in Swedish (`q`, every word as a prefix) and filtered. */
  async search(search: ResultSearch): Promise<Page<ResultView>> {
    const page = await this.results.search({ ...search, q: search.q ? prefixQuery(search.q) : null });
    const ids = page.items.map((row) => row.id);
    const [metrics, adoptions] = await Promise.all([this.results.metrics(ids), this.results.adoptions(ids)]);
    return {
      items: page.items.map((row) =>
        toResultView(
          row,
          metrics.filter((metric) => metric.resultId === row.id),
          adoptions.filter((adoption) => adoption.resultId === row.id),
        ),
      ),
      nextCursor: page.nextCursor,
    };
  }

  /** A published result; anything else is 404, to everyone. */
  async get(id: string): Promise<ResultView> {
    const row = await this.results.published(id);
    if (!row) throw new NotFoundError('Result');
    const [metrics, adoptions] = await Promise.all([this.results.metrics([id]), this.results.adoptions([id])]);
    return toResultView(row, metrics, adoptions);
  }

  /** A region or municipality records that it adopted the result too; both sides of the pilot hear of it. */
  async adopt(actor: Actor, id: string, command: AdoptionCommand) {
    const result = await this.results.published(id);
    if (!result) throw new NotFoundError('Result');
    this.policy.authorize(actor, 'result.adopt', { organizationId: command.organizationId }, 'Result');
    const kind = await this.results.organizationKind(command.organizationId);
    if (!kind || !ADOPTERS.has(kind))
      throw new ValidationError('Only a region or a municipality records an adoption', [
        { field: 'organizationId', message: 'must be a region or a municipality' },
      ]);
    if (command.organizationId === result.testbedOrganizationId)
      throw new ValidationError('The test bed’s own organization ran the pilot; an adoption is by another one', [
        { field: 'organizationId', message: 'must not be the organization that ran the test bed' },
      ]);
    const today = this.clock.now().toISOString().slice(0, 10);
    if (command.adoptedAt > today)
      throw new ValidationError('An adoption is recorded once it happened', [
        { field: 'adoptedAt', message: 'must not be in the future' },
      ]);
    const pilot = await this.pilots.forNotification(result.pilotId);
    if (!pilot) throw new NotFoundError('Result');
    const adoptionId = await this.dataSource.transaction(async (manager) => {
      const adoptionId = await this.results.insertAdoption(
        {
          resultId: id,
          organizationId: command.organizationId,
          adoptedAt: command.adoptedAt,
          note: command.note?.trim() || null,
          recordedByUserId: actor.userId,
        },
        manager,
      );
      for (const organizationId of new Set([command.organizationId, pilot.organizationId, pilot.testbedOrganizationId]))
        await this.audit.record(
          actor,
          {
            action: 'result.adopt',
            organizationId,
            subjectType: 'result',
            subjectId: id,
            details: { adopter: command.organizationId, adoptedAt: command.adoptedAt },
          },
          manager,
        );
      await outbox.add('result.adopted', { adoptionId }, manager);
      return adoptionId;
    });
    const adoption = await this.results.adoption(adoptionId);
    return { resultId: id, ...toAdoptionView(adoption!) };
  }

  /**
   * The funders' view: per domain of the test beds, the published results,
   * how many were adopted elsewhere, by how many organizations (regions and
   * municipalities apart), and each result with where it spread.
   */
  async spread(actor: Actor) {
    this.policy.authorize(actor, 'result.spread', {}, 'Spread');
    const rows = await this.results.spread();
    const domains = [...new Set(rows.flatMap((row) => row.domains))].sort();
    const items = domains.map((domain) => {
      const results = rows.filter((row) => row.domains.includes(domain));
      const adoptions = results.flatMap((row) => row.adoptions);
      const organizations = new Map(adoptions.map((adoption) => [adoption.organizationId, adoption.organizationKind]));
      return {
        domain,
        results: results.length,
        adoptedResults: results.filter((row) => row.adoptions.length > 0).length,
        adoptions: adoptions.length,
        organizations: organizations.size,
        regions: [...organizations.values()].filter((kind) => kind === 'region').length,
        municipalities: [...organizations.values()].filter((kind) => kind === 'municipality').length,
        items: results.map((row) => ({
          id: row.id,
          title: row.title,
          outcome: row.outcome,
          testbedName: row.testbedName,
          testbedOrganizationName: row.testbedOrganizationName,
          publishedAt: new Date(row.publishedAt).toISOString(),
          adoptions: row.adoptions,
        })),
      };
    });
    return { items: items.sort((a, b) => b.adoptions - a.adoptions || a.domain.localeCompare(b.domain)) };
  }

  /** Consent changes as notifications tell them, by pilot: the pilot (title, sides, test bed) and its result, if any; one read of each for many. */
  async forNotifications(pilotIds: readonly string[]) {
    const [pilots, consents] = await Promise.all([
      this.pilots.forNotifications(pilotIds),
      this.results.consentsOf(pilotIds),
    ]);
    return new Map([...pilots].map(([id, pilot]) => [id, { pilot, consent: consents.get(id) ?? null }]));
  }

  /** Adoptions as notifications tell them, by id: the adoption, its published result and the result's pilot; one read of each for many. */
  async adoptionsForNotification(adoptionIds: readonly string[]) {
    const adoptions = await this.results.adoptionsByIds(adoptionIds);
    const results = await this.results.publishedByIds([...adoptions.values()].map((adoption) => adoption.resultId));
    const pilots = await this.pilots.forNotifications([...results.values()].map((result) => result.pilotId));
    return new Map(
      [...adoptions].flatMap(([id, adoption]) => {
        const result = results.get(adoption.resultId);
        const pilot = result && pilots.get(result.pilotId);
        return result && pilot ? [[id, { adoption, result, pilot }] as const] : [];
      }),
    );
  }

  private async record(
    actor: Actor,
    pilot: { id: string; organizationId: string; testbedOrganizationId: string },
    action: 'result.consent' | 'result.consent-withdrawn' | 'result.publish',
    details: Record<string, unknown>,
    manager: EntityManager,
  ): Promise<void> {
    for (const organizationId of new Set([pilot.organizationId, pilot.testbedOrganizationId]))
      await this.audit.record(
        actor,
        { action, organizationId, subjectType: 'pilot', subjectId: pilot.id, details },
        manager,
      );
  }
}
