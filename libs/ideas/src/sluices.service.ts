import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError, PolicyService, type Actor, type Page } from '@slussen/core';
import { AuditService, OrganizationsService } from '@slussen/identity';
import { DataSource } from 'typeorm';
import type { Submitter } from './idea-status.js';
import { toSluiceView, type SluiceView } from './idea.view.js';
import { SluicesRepository, type SluiceRow } from './repositories/sluices.repository.js';

export interface SluiceCommand {
  organizationId: string;
  name: string;
  description: string;
  domains: string[];
  submitters: Submitter[];
  answerWithinDays?: number;
}

/** Default days within which a sluice promises a first answer. */
export const DEFAULT_ANSWER_WITHIN_DAYS = 14;

/** Sluices: a region's or municipality's intake of ideas; public to read. */
@Injectable()
export class SluicesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sluices: SluicesRepository,
    private readonly organizations: OrganizationsService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  /** Admins and managers of a region or municipality open a sluice for it. */
  async create(actor: Actor, command: SluiceCommand): Promise<SluiceView> {
    const organization = await this.organizations.findAuthorized(actor, 'organization.read', command.organizationId);
    this.policy.authorize(actor, 'sluice.create', organization, 'Organization');
    const id = await this.dataSource.transaction(async (manager) => {
      const created = await this.sluices.insert(
        {
          organizationId: command.organizationId,
          name: command.name.trim(),
          description: command.description,
          domains: [...new Set(command.domains)],
          submitters: [...new Set(command.submitters)],
          answerWithinDays: command.answerWithinDays ?? DEFAULT_ANSWER_WITHIN_DAYS,
          createdByUserId: actor.userId,
        },
        manager,
      );
      await this.audit.record(
        actor,
        {
          action: 'sluice.create',
          organizationId: command.organizationId,
          subjectType: 'sluice',
          subjectId: created,
          details: { name: command.name, submitters: command.submitters },
        },
        manager,
      );
      return created;
    });
    return toSluiceView((await this.sluices.findById(id))!);
  }

  async list(filter: { organizationId?: string }, limit: number, cursor?: string): Promise<Page<SluiceView>> {
    const page = await this.sluices.list(filter, limit, cursor);
    return { items: page.items.map(toSluiceView), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<SluiceView> {
    return toSluiceView(await this.find(id));
  }

  async find(id: string): Promise<SluiceRow> {
    const sluice = await this.sluices.findById(id);
    if (!sluice) throw new NotFoundError('Sluice');
    return sluice;
  }
}
