import type { OrganizationKind, Role } from '@slussen/core';
import type { Organization } from './entities/organization.entity.js';
import type { User } from './entities/user.entity.js';

export interface OrganizationView {
  id: string;
  name: string;
  kind: OrganizationKind;
  orgNumber: string | null;
  parentId: string | null;
  createdAt: string;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  language: 'sv' | 'en';
  platformAdmin: boolean;
}

export interface MemberView {
  organizationId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  tokenType: 'Bearer';
}

export const toOrganizationView = (organization: Organization): OrganizationView => ({
  id: organization.id,
  name: organization.name,
  kind: organization.kind,
  orgNumber: organization.orgNumber,
  parentId: organization.parentId,
  createdAt: organization.createdAt.toISOString(),
});

export const toUserView = (user: User): UserView => ({
  id: user.id,
  email: user.email,
  name: user.name,
  language: user.language,
  platformAdmin: user.platformAdmin,
});

/** Swedish organisationsnummer: ten digits, shown as NNNNNN-NNNN. */
export function normalizeOrgNumber(value: string | undefined | null): string | null {
  if (!value) return null;
  const digits = value.replace(/\D/g, '');
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}
