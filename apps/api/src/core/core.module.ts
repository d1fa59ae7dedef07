import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuditController } from './audit/audit.controller.js';
import { AuditWriter } from './audit/audit.writer.js';
import { AuditLinks } from './audit/audit-links.js';
import { CoreAuditLinks } from './audit/core.audit-links.js';
import { ApiKeyAuth } from './auth/api-keys/api-key.auth.js';
import { ApiKeysController } from './auth/api-keys/api-keys.controller.js';
import { ApiKeysService } from './auth/api-keys/api-keys.service.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthService } from './auth/auth.service.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { PrincipalCache } from './auth/principal.cache.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { DATABASE_URL } from './database/database.tokens.js';
import { DocumentNumbers } from './database/document-numbers.js';
import { People } from './database/people.js';
import { Transactions } from './database/transactions.js';
import { EventPublisher } from './events/event-publisher.js';
import { EventsController } from './events/events.controller.js';
import { EventsHub } from './events/events.hub.js';
import { Jobs } from './jobs/jobs.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { AccessGuard } from './permissions/access.guard.js';
import { StateTransitions } from './transitions/state-machine.js';

/** Cross-cutting services every module uses: transactions, audit, events, auth and the access guard. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CoreModule,
      imports: [JwtModule.register({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256' } })],
      controllers: [AuthController, AuditController, EventsController, ApiKeysController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
        Transactions,
        DocumentNumbers,
        People,
        AuditWriter,
        AuditLinks,
        CoreAuditLinks,
        EventPublisher,
        StateTransitions,
        EventsHub,
        PrincipalCache,
        LoginThrottle,
        AuthService,
        ApiKeyAuth,
        ApiKeysService,
        IdempotencyInterceptor,
        Jobs,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [
        APP_CONFIG,
        DATABASE_URL,
        Transactions,
        DocumentNumbers,
        People,
        AuditWriter,
        AuditLinks,
        EventPublisher,
        StateTransitions,
        EventsHub,
        PrincipalCache,
        AuthService,
        Jobs,
      ],
    };
  }
}
