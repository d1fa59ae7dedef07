import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { AuthSessionEntity } from '../auth/entities/auth-session.entity.js';
import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity.js';
import { RoleEntity } from '../auth/entities/role.entity.js';
import { UserEntity } from '../auth/entities/user.entity.js';

/** Every entity of the application, listed so the same set serves the app, migrations and the drift check. */
export const ENTITIES = [RoleEntity, UserEntity, AuthSessionEntity, RefreshTokenEntity, AuditEntryEntity];
