import { Injectable } from '@nestjs/common';
import { PolicyService, type Actor, type Page } from '@slussen/core';
import { UsersRepository, type FoundUserRow } from './repositories/users.repository.js';

export interface FoundUserView {
  id: string;
  email: string;
  name: string;
  platformAdmin: boolean;
  createdAt: string;
  memberships: FoundUserRow['memberships'];
}

/** Finding people across the installation, with the organizations they belong to: for platform admins. */
@Injectable()
export class UserDirectoryService {
  constructor(
    private readonly users: UsersRepository,
    private readonly policy: PolicyService,
  ) {}

  async search(actor: Actor, q: string | undefined, limit: number, cursor?: string): Promise<Page<FoundUserView>> {
    this.policy.authorize(actor, 'user.search', null, 'User');
    const page = await this.users.search(q?.trim() || undefined, limit, cursor);
    return {
      items: page.items.map((row) => ({
        id: row.id,
        email: row.email,
        name: row.name,
        platformAdmin: row.platformAdmin,
        createdAt: new Date(row.createdAt).toISOString(),
        memberships: row.memberships,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
