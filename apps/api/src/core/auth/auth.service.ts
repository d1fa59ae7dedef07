import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { type Department, type ErrorCode, type Permission } from '@kapok/contracts';
import { LRUCache } from 'lru-cache';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuditWriter } from '../audit/audit.writer.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Principal } from '../context/request-context.js';
import { Transactions } from '../database/transactions.js';
import { AppError } from '../errors/app-error.js';
import { EventPublisher } from '../events/event-publisher.js';
import { happened } from '../metrics/counters.js';
import { AuthSessionEntity } from './entities/auth-session.entity.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';
import { UserEntity } from './entities/user.entity.js';
import { LoginThrottle } from './login-throttle.js';
import { assertStrongPassword, burnVerification, hashPassword, verifyPassword } from './passwords.js';
import { PrincipalCache } from './principal.cache.js';
import {
  type AccessClaims,
  hashRefreshToken,
  newRefreshToken,
  openReplacement,
  sealReplacement,
} from './tokens.js';

/** How long a used refresh token still answers with the pair it was exchanged for (concurrent tabs). */
export const REFRESH_GRACE_MS = 10_000;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface Me {
  id: string;
  username: string;
  fullName: string;
  role: string;
  department: Department | null;
  permissions: Permission[];
}

interface ClientInfo {
  ip: string;
  userAgent?: string;
}

const unauthorized = (code: ErrorCode, message: string) => new AppError(401, code, message);

/** Access tokens whose signature this process checked, each kept until its own expiry. */
const VERIFIED_TOKENS = 10_000;

@Injectable()
export class AuthService {
  /** A prepared key: given the secret as text, the JWT library first tries to read it as a public key on every call. */
  private readonly key: KeyObject;
  /**
   * A signature is checked once per token, not once per request: only tokens this process verified with
   * its own key get in, and they leave at their `exp`. The session is still checked on every request
   * (through the principal cache), so a revoked session fails at once.
   */
  private readonly verified = new LRUCache<string, AccessClaims>({ max: VERIFIED_TOKENS });

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly jwt: JwtService,
    private readonly cache: PrincipalCache,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  async login(username: string, password: string, client: ClientInfo): Promise<TokenPair & { user: Me }> {
    await this.throttle.before(username, client.ip);
    const user = await this.dataSource.getRepository(UserEntity).findOne({
      where: { username: username.trim().toLowerCase() },
      relations: { role: true },
    });
    const valid = user?.active
      ? await verifyPassword(user.passwordHash, password)
      : (await burnVerification(password), false);
    if (!user || !valid) {
      await this.throttle.failed(username, client.ip);
      happened.loginFailures++;
      throw unauthorized('INVALID_CREDENTIALS', 'Wrong username or password');
    }
    await this.throttle.succeeded(username, client.ip);
    const pair = await this.tx.run(async (manager) => {
      const session = await manager.save(
        manager.create(AuthSessionEntity, {
          userId: user.id,
          expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
          revokedAt: null,
          revokedReason: null,
          ipAddress: client.ip.slice(0, 64),
          userAgent: client.userAgent?.slice(0, 300) ?? null,
        }),
      );
      await manager.query('update users set last_login_at = now() where id = $1', [user.id]);
      await this.audit.record(manager, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        actor: { id: user.id, username: user.username },
      });
      return this.issue(manager, user.id, session.id);
    });
    return { ...pair, user: this.toMe(user) };
  }

  /**
   * Changes the signed-in user's own password. The current password is checked under the sign-in
   * limits (so this cannot be used to guess it); every other session of the user ends.
   */
  async changePassword(principal: Principal, current: string, next: string, ip: string): Promise<void> {
    await this.throttle.before(principal.username, ip);
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: principal.userId });
    if (!(await verifyPassword(user.passwordHash, current))) {
      await this.throttle.failed(principal.username, ip);
      throw new AppError(422, 'WRONG_PASSWORD', 'The current password is not right', [
        { field: 'currentPassword', messages: ['is not right'] },
      ]);
    }
    await this.throttle.succeeded(principal.username, ip);
    if (next === current)
      throw new AppError(422, 'WEAK_PASSWORD', 'The new password is the current one', [
        { field: 'newPassword', messages: ['is the current password'] },
      ]);
    assertStrongPassword('newPassword', next, [user.username, user.fullName]);
    const passwordHash = await hashPassword(next);
    await this.tx.run(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { passwordHash, version: user.version + 1 });
      const others = await manager.findBy(AuthSessionEntity, { userId: user.id, revokedAt: IsNull() });
      for (const session of others)
        if (session.id !== principal.sessionId)
          await this.revokeSession(manager, session, 'PASSWORD_CHANGED');
      await this.audit.record(manager, {
        action: 'auth.password_changed',
        entityType: 'user',
        entityId: user.id,
        after: { endedSessions: others.filter((s) => s.id !== principal.sessionId).length },
        actor: { id: user.id, username: user.username },
      });
      await this.events.publish(manager, 'user.updated', [user.id]);
    });
    this.cache.clear();
  }

  /** Rotates a refresh token. A token presented twice means it leaked: the whole session is revoked. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const tokenHash = hashRefreshToken(refreshToken);
    const outcome = await this.tx.run(async (manager) => {
      const token = await manager
        .getRepository(RefreshTokenEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.token_hash = :tokenHash', { tokenHash })
        .getOne();
      if (!token)
        return { error: unauthorized('INVALID_REFRESH_TOKEN', 'Unknown refresh token; sign in again') };
      const session = await manager.findOneOrFail(AuthSessionEntity, {
        where: { id: token.sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (session.revokedAt || session.expiresAt < new Date()) {
        return { error: unauthorized('SESSION_ENDED', 'This session has ended; sign in again') };
      }
      const user = await manager.findOneBy(UserEntity, { id: session.userId });
      if (!user?.active) return { error: unauthorized('SESSION_ENDED', 'This account is disabled') };
      if (token.usedAt) {
        // Two tabs refreshing with one token at the same moment: the later one gets the same new pair.
        const replay =
          token.replacement && Date.now() - token.usedAt.getTime() <= REFRESH_GRACE_MS
            ? openReplacement<TokenPair>(refreshToken, token.replacement)
            : undefined;
        if (replay) return { pair: replay };
        await this.revokeSession(manager, session, 'REFRESH_TOKEN_REUSED');
        await this.audit.record(manager, {
          action: 'auth.session_revoked',
          entityType: 'user',
          entityId: session.userId,
          after: { sessionId: session.id, reason: 'REFRESH_TOKEN_REUSED' },
          actor: { id: user.id, username: user.username },
        });
        return {
          error: unauthorized(
            'REFRESH_TOKEN_REUSED',
            'This refresh token was already used; the session is revoked',
          ),
        };
      }
      const pair = await this.issue(manager, session.userId, session.id);
      await manager.update(
        RefreshTokenEntity,
        { id: token.id },
        { usedAt: new Date(), replacement: sealReplacement(refreshToken, pair) },
      );
      return { pair };
    });
    if (outcome.error) {
      this.cache.clear();
      throw outcome.error;
    }
    return outcome.pair;
  }

  async logout(principal: Principal, refreshToken?: string): Promise<void> {
    await this.tx.run(async (manager) => {
      const sessionIds = new Set([principal.sessionId]);
      if (refreshToken) {
        const token = await manager.findOneBy(RefreshTokenEntity, {
          tokenHash: hashRefreshToken(refreshToken),
        });
        if (token) sessionIds.add(token.sessionId);
      }
      for (const id of sessionIds) {
        const session = await manager.findOneBy(AuthSessionEntity, {
          id,
          userId: principal.userId,
          revokedAt: IsNull(),
        });
        if (session) await this.revokeSession(manager, session, 'LOGOUT');
      }
    });
    this.cache.clear();
  }

  /** Resolves a bearer header to a principal, or answers 401. */
  async authenticate(header: string | undefined): Promise<Principal> {
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header ?? '');
    if (!match) throw unauthorized('UNAUTHORIZED', 'Sign in first: this needs a bearer access token');
    const token = match[1];
    let claims = this.verified.get(token);
    try {
      if (!claims) {
        const verified = await this.jwt.verifyAsync<AccessClaims & { exp?: number }>(token, {
          algorithms: ['HS256'],
          secret: this.key as unknown as string,
        });
        const ttl = (verified.exp ?? 0) * 1000 - Date.now();
        if (ttl > 0) this.verified.set(token, verified, { ttl });
        claims = verified;
      }
    } catch (e) {
      const expired = (e as Error).name === 'TokenExpiredError';
      throw unauthorized(
        expired ? 'TOKEN_EXPIRED' : 'INVALID_TOKEN',
        expired ? 'The access token has expired; refresh it' : 'The access token is not valid',
      );
    }
    if (claims.typ !== 'access' || !claims.sid || !claims.sub)
      throw unauthorized('INVALID_TOKEN', 'Not an access token');
    const cached = this.cache.get(claims.sid);
    if (cached) return cached;
    const rows: Array<{
      user_id: string;
      username: string;
      department: Department | null;
      active: boolean;
      role_code: string;
      permissions: Permission[];
      revoked_at: Date | null;
      expires_at: Date;
    }> = await this.dataSource.query(
      `select u.id as user_id, u.username, u.department, u.active, r.code as role_code, r.permissions,
              s.revoked_at, s.expires_at
         from auth_sessions s join users u on u.id = s.user_id join roles r on r.id = u.role_id
        where s.id = $1 and s.user_id = $2`,
      [claims.sid, claims.sub],
    );
    const row = rows[0];
    if (!row || row.revoked_at || !row.active)
      throw unauthorized('SESSION_ENDED', 'This session has ended; sign in again');
    const principal: Principal = {
      userId: row.user_id,
      username: row.username,
      sessionId: claims.sid,
      roleCode: row.role_code,
      department: row.department,
      permissions: new Set(row.permissions),
    };
    this.cache.set(principal);
    return principal;
  }

  async me(principal: Principal): Promise<Me> {
    if (principal.apiKey)
      return {
        id: principal.apiKey.id,
        username: principal.username,
        fullName: principal.apiKey.name,
        role: principal.roleCode,
        department: null,
        permissions: [...principal.permissions].sort(),
      };
    const user = await this.dataSource.getRepository(UserEntity).findOneOrFail({
      where: { id: principal.userId },
      relations: { role: true },
    });
    return this.toMe(user);
  }

  private toMe(user: UserEntity): Me {
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role?.code ?? '',
      department: user.department,
      permissions: [...(user.role?.permissions ?? [])].sort(),
    };
  }

  private async issue(manager: EntityManager, userId: string, sessionId: string): Promise<TokenPair> {
    const refreshToken = newRefreshToken();
    await manager.insert(RefreshTokenEntity, {
      sessionId,
      tokenHash: hashRefreshToken(refreshToken),
      usedAt: null,
    });
    const accessToken = await this.jwt.signAsync(
      { sub: userId, sid: sessionId, typ: 'access' } satisfies AccessClaims,
      {
        expiresIn: this.config.accessTokenTtlSeconds,
        algorithm: 'HS256',
        secret: this.key as unknown as string,
      },
    );
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds };
  }

  private async revokeSession(
    manager: EntityManager,
    session: AuthSessionEntity,
    reason: string,
  ): Promise<void> {
    await manager.update(
      AuthSessionEntity,
      { id: session.id },
      { revokedAt: new Date(), revokedReason: reason },
    );
    await this.events.publish(manager, 'session.revoked', [session.id]);
  }

  /** Ends every session of a user (disabled account, password reset). */
  async revokeAllSessions(manager: EntityManager, userId: string, reason: string): Promise<void> {
    const sessions = await manager.findBy(AuthSessionEntity, { userId, revokedAt: IsNull() });
    for (const session of sessions) await this.revokeSession(manager, session, reason);
  }
}
