import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { eventModule, type KapokEvent } from '@kapok/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyAuth } from '../auth/api-keys/api-key.auth.js';
import { AuthService } from '../auth/auth.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Principal } from '../context/request-context.js';
import { CurrentPrincipal } from '../permissions/current-principal.decorator.js';
import { SignedIn } from '../permissions/route-access.decorators.js';
import { EventsHub } from './events.hub.js';

@ApiTags('platform')
@Controller('events')
export class EventsController {
  constructor(
    private readonly hub: EventsHub,
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeyAuth,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Server-sent events `{type, ids, at}` for what the user may view; a comment line every few seconds keeps it open. */
  @Get()
  @SignedIn()
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'A text/event-stream of `{type, ids, at}` change notices' })
  streamEvents(
    @CurrentPrincipal() principal: Principal,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): void {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write(`retry: 3000\n: connected\n\n`);
    const authorization = req.headers.authorization;
    const apiKey = req.headers['x-api-key'];
    let current = principal;
    const send = async (event: KapokEvent) => {
      const module = eventModule(event.type);
      if (!module) return;
      try {
        current =
          principal.apiKey && typeof apiKey === 'string'
            ? await this.apiKeys.authenticate(apiKey)
            : await this.auth.authenticate(authorization);
      } catch {
        return close();
      }
      if (current.permissions.has(`${module}.view`)) raw.write(`data: ${JSON.stringify(event)}\n\n`);
    };
    const unsubscribe = this.hub.subscribe(
      (event) => void send(event),
      () => close(),
    );
    const heartbeat = setInterval(
      () => raw.write(`: heartbeat ${new Date().toISOString()}\n\n`),
      this.config.sseHeartbeatSeconds * 1000,
    );
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      if (!raw.writableEnded) raw.end();
    };
    req.raw.on('close', close);
  }
}
