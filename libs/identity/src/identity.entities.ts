import { ApiToken } from './entities/api-token.entity.js';
import { AuditEntry } from './entities/audit-entry.entity.js';
import { Invitation } from './entities/invitation.entity.js';
import { Membership } from './entities/membership.entity.js';
import { Organization } from './entities/organization.entity.js';
import { PasswordToken } from './entities/password-token.entity.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { User } from './entities/user.entity.js';

/** Exported for foreign keys from other contexts' entities; read through identity's services. */
export { Organization, User };
export const IDENTITY_ENTITIES = [
  Organization,
  User,
  Membership,
  RefreshToken,
  ApiToken,
  AuditEntry,
  PasswordToken,
  Invitation,
];
