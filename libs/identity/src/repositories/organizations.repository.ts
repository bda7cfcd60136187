import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, toPage, type Page } from '@slussen/core';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Organization } from '../entities/organization.entity.js';

/** Which organizations a list may show: `all`, or the public bodies plus these ids. */
export type OrganizationVisibility = { all: true } | { all: false; memberOf: string[] };

@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Organization);
  }

  create(
    data: Pick<Organization, 'name' | 'kind' | 'orgNumber' | 'parentId'>,
    manager?: EntityManager,
  ): Promise<Organization> {
    return this.repo(manager).save(this.repo(manager).create(data));
  }

  findByIds(ids: string[]): Promise<Organization[]> {
    return ids.length ? this.repo().findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findById(id: string, manager?: EntityManager): Promise<Organization | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** Oldest first, keyset-paginated on (created_at, id). */
  async findVisible(
    visibility: OrganizationVisibility,
    filter: { kind?: string },
    limit: number,
    cursor?: string,
  ): Promise<Page<Organization>> {
    const after = decodeCursor(cursor, 2);
    const query = this.repo()
      .createQueryBuilder('organization')
      .orderBy('organization.createdAt', 'ASC')
      .addOrderBy('organization.id', 'ASC')
      .limit(limit + 1);
    if (!visibility.all) {
      query.andWhere("(organization.kind <> 'company' OR organization.id = ANY(:memberOf))", {
        memberOf: visibility.memberOf,
      });
    }
    if (filter.kind) query.andWhere('organization.kind = :kind', { kind: filter.kind });
    if (after) query.andWhere('(organization.createdAt, organization.id) > (:at, :id)', { at: after[0], id: after[1] });
    return toPage(await query.getMany(), limit, (last) => [last.createdAt.toISOString(), last.id]);
  }
}
