import 'reflect-metadata';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './core/config/config.js';
import { RequestContext } from './core/context/request-context.js';
import { AppError } from './core/errors/app-error.js';
import { HttpExceptionFilter, type SpaFallback } from './core/errors/http-exception.filter.js';
import { installBinaryBodies } from './core/http/binary-body.js';
import { installInputGuard } from './core/http/input-guard.js';
import { finishOpenApiDocument } from './core/openapi/finish-document.js';
import { createRootLogger, PinoNestLogger } from './core/logging.js';
import { registerMetrics } from './core/metrics/metrics.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** The largest JSON body any route takes (batches of a few hundred ids); sign-in routes take 4 KB. */
export const BODY_LIMIT = 1024 * 1024;
export const AUTH_BODY_LIMIT = 4 * 1024;

export interface CreateAppOptions {
  /** Build the module graph without instantiating anything (OpenAPI emission). */
  preview?: boolean;
  logger?: Logger;
}

export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createRootLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: BODY_LIMIT,
    // Fastify takes a hop count too; the adapter's option type leaves numbers out.
    trustProxy: config.trustProxy as boolean | string[],
    // Malformed URLs and over-long path parameters, answered before any route, in the error shape too.
    frameworkErrors: (error: { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode ?? 400;
      void reply
        .status(status)
        .header('x-request-id', request.id)
        .send({
          statusCode: status,
          code: status === 414 ? 'URI_TOO_LONG' : 'BAD_REQUEST',
          message: status === 414 ? 'A path parameter is too long' : 'The URL is not valid',
          requestId: String(request.id),
        });
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl),
    adapter,
    {
      preview: options.preview,
      logger: options.preview ? false : new PinoNestLogger(logger),
      abortOnError: false,
    },
  );
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) =>
        new AppError(422, 'VALIDATION_FAILED', 'Some fields are not valid', flattenValidationErrors(errors)),
    }),
  );
  if (options.preview) return app;
  if (!config.jwtSecret)
    throw new Error('No JWT secret: set JWT_SECRET (main.ts makes one per data directory)');

  const fastify = app.getHttpAdapter().getInstance();
  // Sign-in routes take a few hundred bytes: a small limit there, before anybody is signed in.
  fastify.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1/auth/')) route.bodyLimit = AUTH_BODY_LIMIT;
  });
  installInputGuard(fastify, (type, parser) => app.useBodyParser(type, {}, parser));
  installBinaryBodies(fastify);
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id);
    RequestContext.runFor(req, { requestId: String(req.id), statements: 0 }, done);
  });
  // Helmet's middleware built once: @fastify/helmet built it, CSP parsing included, on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.env === 'production' ? [] : null,
      },
    },
    hsts: config.env === 'production',
  });
  fastify.addHook('onRequest', (req, reply, done) =>
    securityHeaders(req.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
  );
  await app.register(fastifyCors, {
    origin: config.corsOrigins,
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id', 'last-event-id'],
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  });
  await app.register(fastifyCookie);

  const webDir = resolve(config.webDistDir ?? resolve(import.meta.dirname, '../../web/dist'));
  const serveWeb = existsSync(resolve(webDir, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  app.useGlobalFilters(new HttpExceptionFilter(serveWeb ? spaFallback : undefined));
  registerMetrics(app, config.metricsToken ?? (config.env === 'production' ? null : undefined));

  if (config.apiDocs) {
    SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
      jsonDocumentUrl: 'api/docs-json',
      customSiteTitle: 'Kapok API',
      swaggerOptions: { persistAuthorization: true },
    });
  }
  return app;
}

/** The browser app owns every path outside the API: unknown GETs that accept HTML get index.html. */
const spaFallback: SpaFallback = (request, reply) => {
  const path = request.url.split('?')[0];
  if (request.method !== 'GET' || path.startsWith('/api') || path === '/metrics') return false;
  if (!String(request.headers.accept ?? '').includes('text/html')) return false;
  void reply.type('text/html').sendFile('index.html');
  return true;
};

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Kapok API')
    .setDescription(
      'Production, warehouse and e-kanban for a soft-toy factory. Every operation names its permission in `x-permission` ' +
        '(`public` and `signed-in` mark the open ones). Errors are `{statusCode, code, message, details?, requestId}`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    // Other programs: a service account's key (POST /admin/api-keys), instead of a bearer token.
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'api-key')
    .build();
  return finishOpenApiDocument(
    SwaggerModule.createDocument(app, config, {
      operationIdFactory: (_controllerKey, methodKey) => methodKey,
    }),
  );
}

export interface FieldError {
  field: string;
  messages: string[];
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}
