import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Clock,
  ConflictError,
  NotFoundError,
  PolicyService,
  ValidationError,
  type Actor,
  type FieldError,
  type Page,
} from '@slussen/core';
import { AuditService, OrganizationsService } from '@slussen/identity';
import { IANAZone } from 'luxon';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Domain, EnvironmentType, TestbedStatus } from './domains.js';
import type { Testbed } from './entities/testbed.entity.js';
import { TestbedsRepository, type TestbedSearch } from './repositories/testbeds.repository.js';
import { nestedOf, slugify, toTestbedView, type TestbedView } from './testbed.view.js';

export interface TestbedProfile {
  name: string;
  summary: string;
  description?: string | null;
  environmentType: EnvironmentType;
  trl?: { min: number; max: number };
  domains: Domain[];
  location: { municipality: string; address?: string | null; lat?: number | null; lon?: number | null };
  timezone?: string;
  capacity?: number;
  rules?: {
    requiresApproval: boolean;
    minLeadDays: number;
    maxAdvanceDays: number;
    maxActiveBookingsPerCompany: number;
    decisionDays: number;
  };
  contactEmail?: string | null;
  /** Days before a slot starts when both sides are reminded (default 7 and 1). */
  reminderDays?: number[];
}

/** A partial update; nested objects are merged field by field. */
export type TestbedChanges = Partial<Omit<TestbedProfile, 'trl' | 'location' | 'rules'>> & {
  trl?: Partial<NonNullable<TestbedProfile['trl']>>;
  location?: Partial<TestbedProfile['location']>;
  rules?: Partial<NonNullable<TestbedProfile['rules']>>;
};

export type TestbedSearchQuery = Omit<TestbedSearch, 'ownOrganizations'>;

/** The lifecycle draft → published → retired; anything else is 409. */
const TRANSITIONS: Record<'publish' | 'retire', { from: TestbedStatus[]; to: TestbedStatus }> = {
  publish: { from: ['draft'], to: 'published' },
  retire: { from: ['draft', 'published'], to: 'retired' },
};

@Injectable()
export class TestbedsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly testbeds: TestbedsRepository,
    private readonly organizations: OrganizationsService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, organizationId: string, profile: TestbedProfile): Promise<TestbedView> {
    const organization = await this.organizations.findAuthorized(actor, 'organization.read', organizationId);
    this.policy.authorize(actor, 'testbed.create', organization, 'Organization');
    checkProfile(profile);
    return this.dataSource.transaction(async (manager) => {
      const base = slugify(profile.name);
      const slug = (await this.testbeds.slugTaken(base, manager)) ? `${base}-${randomUUID().slice(0, 6)}` : base;
      const testbed = await this.testbeds.create(
        { organizationId, slug, status: 'draft', ...columnsOf(profile) },
        manager,
      );
      await this.record(actor, 'testbed.create', testbed, manager, { name: testbed.name });
      return this.view(testbed);
    });
  }

  async search(actor: Actor | null, query: TestbedSearchQuery): Promise<Page<TestbedView>> {
    const ownOrganizations = actor?.platformAdmin
      ? 'all'
      : (actor?.memberships.map((membership) => membership.organizationId) ?? []);
    const page = await this.testbeds.search({ ...query, ownOrganizations });
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  async get(actor: Actor | null, id: string): Promise<TestbedView> {
    return this.view(await this.findReadable(actor, id));
  }

  async update(actor: Actor, id: string, changes: TestbedChanges): Promise<TestbedView> {
    return this.dataSource.transaction(async (manager) => {
      const testbed = await this.findManageable(actor, id, manager);
      if (testbed.status === 'retired') throw new ConflictError('A retired test bed cannot be changed');
      const current = profileOf(testbed);
      const merged: TestbedProfile = {
        ...current,
        ...defined(changes),
        trl: { ...current.trl!, ...defined(changes.trl) },
        location: { ...current.location, ...defined(changes.location) },
        rules: { ...current.rules!, ...defined(changes.rules) },
      };
      checkProfile(merged);
      Object.assign(testbed, columnsOf(merged));
      const saved = await this.testbeds.save(testbed, manager);
      await this.record(actor, 'testbed.update', saved, manager, { fields: Object.keys(defined(changes)) });
      return this.view(saved);
    });
  }

  publish(actor: Actor, id: string): Promise<TestbedView> {
    return this.transition(actor, id, 'publish');
  }

  retire(actor: Actor, id: string): Promise<TestbedView> {
    return this.transition(actor, id, 'retire');
  }

  /** The organizations that own a published test bed, by name: the catalogue's owner filter. */
  async publishedOwners(): Promise<{ id: string; name: string; testbeds: number }[]> {
    const counts = await this.testbeds.publishedCountsByOwner();
    const names = await this.organizations.namesOf([...counts.keys()]);
    return [...counts]
      .map(([id, testbeds]) => ({ id, name: names.get(id) ?? '', testbeds }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.id.localeCompare(b.id));
  }

  /** Test beds by id, for other contexts' documents (calendar feeds, reports); no access check. */
  async byIds(ids: string[]): Promise<Map<string, Testbed>> {
    const testbeds = await this.testbeds.findByIds([...new Set(ids)]);
    return new Map(testbeds.map((testbed) => [testbed.id, testbed]));
  }

  /** The test bed if the actor may see it; otherwise 404. */
  async findReadable(actor: Actor | null, id: string, manager?: EntityManager): Promise<Testbed> {
    const testbed = await this.testbeds.findById(id, manager);
    if (!testbed) throw new NotFoundError('Test bed');
    this.policy.authorize(actor, 'testbed.read', testbed, 'Test bed');
    return testbed;
  }

  /** The test bed, row-locked in `manager`'s transaction, if the actor manages it; otherwise 404 or 403. */
  async findManageable(actor: Actor, id: string, manager: EntityManager): Promise<Testbed> {
    const testbed = await this.testbeds.findForUpdate(id, manager);
    if (!testbed) throw new NotFoundError('Test bed');
    this.policy.authorize(actor, 'testbed.manage', testbed, 'Test bed');
    return testbed;
  }

  private async transition(actor: Actor, id: string, action: 'publish' | 'retire'): Promise<TestbedView> {
    return this.dataSource.transaction(async (manager) => {
      const testbed = await this.findManageable(actor, id, manager);
      const { from, to } = TRANSITIONS[action];
      if (!from.includes(testbed.status)) throw new ConflictError(`A ${testbed.status} test bed cannot be ${to}`);
      if (action === 'publish') checkComplete(testbed);
      testbed.status = to;
      if (to === 'published') testbed.publishedAt = this.clock.now();
      if (to === 'retired') testbed.retiredAt = this.clock.now();
      const saved = await this.testbeds.save(testbed, manager);
      await this.record(actor, `testbed.${action}`, saved, manager);
      return this.view(saved);
    });
  }

  private async view(testbed: Testbed): Promise<TestbedView> {
    return (await this.views([testbed]))[0]!;
  }

  /** Views with their owner's name, one lookup for the lot. */
  private async views(testbeds: Testbed[]): Promise<TestbedView[]> {
    const names = await this.organizations.namesOf(testbeds.map((testbed) => testbed.organizationId));
    return testbeds.map((testbed) => toTestbedView(testbed, names.get(testbed.organizationId) ?? ''));
  }

  private record(
    actor: Actor,
    action: string,
    testbed: Testbed,
    manager: EntityManager,
    details: Record<string, unknown> = {},
  ) {
    return this.audit.record(
      actor,
      { action, organizationId: testbed.organizationId, subjectType: 'testbed', subjectId: testbed.id, details },
      manager,
    );
  }
}

/** DTO instances carry every declared field, absent ones as undefined; a merge must skip those. */
function defined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, field]) => field !== undefined)) as Partial<T>;
}

function checkProfile(profile: TestbedProfile): void {
  const errors: FieldError[] = [];
  if (profile.timezone !== undefined && !IANAZone.isValidZone(profile.timezone))
    errors.push({ field: 'timezone', message: 'must be an IANA time zone such as Europe/Stockholm' });
  if (profile.trl && profile.trl.min > profile.trl.max)
    errors.push({ field: 'trl', message: 'min must not exceed max' });
  if ((profile.location.lat == null) !== (profile.location.lon == null))
    errors.push({ field: 'location', message: 'give both lat and lon, or neither' });
  if (errors.length)
    throw new ValidationError(errors.map((error) => `${error.field} ${error.message}`).join('; '), errors);
}

/** A published profile tells a company enough to decide whether to book. */
function checkComplete(testbed: Testbed): void {
  const missing: FieldError[] = [];
  if (!testbed.description || testbed.description.trim().length < 40)
    missing.push({ field: 'description', message: 'needs at least 40 characters to publish' });
  if (testbed.domains.length === 0) missing.push({ field: 'domains', message: 'needs at least one domain to publish' });
  if (!testbed.contactEmail) missing.push({ field: 'contactEmail', message: 'is required to publish' });
  if (missing.length) throw new ValidationError('The profile is not complete enough to publish', missing);
}

function columnsOf(profile: TestbedProfile): Partial<Testbed> {
  return {
    name: profile.name.trim(),
    summary: profile.summary.trim(),
    description: profile.description ?? null,
    environmentType: profile.environmentType,
    trlMin: profile.trl?.min ?? 1,
    trlMax: profile.trl?.max ?? 9,
    domains: [...new Set(profile.domains)],
    municipality: profile.location.municipality.trim(),
    address: profile.location.address ?? null,
    lat: profile.location.lat ?? null,
    lon: profile.location.lon ?? null,
    timezone: profile.timezone ?? 'Europe/Stockholm',
    capacity: profile.capacity ?? 1,
    ...(profile.rules ?? {}),
    contactEmail: profile.contactEmail ?? null,
    reminderDays: [...new Set(profile.reminderDays ?? [7, 1])].sort((a, b) => b - a),
  };
}

function profileOf(testbed: Testbed): TestbedProfile {
  return {
    ...nestedOf(testbed),
    name: testbed.name,
    summary: testbed.summary,
    description: testbed.description,
    environmentType: testbed.environmentType,
    domains: testbed.domains,
    timezone: testbed.timezone,
    capacity: testbed.capacity,
    contactEmail: testbed.contactEmail,
    reminderDays: testbed.reminderDays,
  };
}
