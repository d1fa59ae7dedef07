import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Principal } from '../../core/context/request-context.js';
import { ErrorBody } from '../../core/errors/error-body.js';
import { answerList, CsvExportable } from '../../core/http/csv.js';
import { IdParam } from '../../core/http/id-param.js';
import { Idempotent } from '../../core/idempotency/idempotent.decorator.js';
import { CurrentPrincipal } from '../../core/permissions/current-principal.decorator.js';
import { RequirePermission } from '../../core/permissions/route-access.decorators.js';
import {
  ApproveCardRequest,
  BoardQuery,
  BoardResponse,
  CardPage,
  CardQuery,
  CancelCardRequest,
  CardResponse,
  CardStockResponse,
  CreateCardRequest,
  PositionRequest,
  ReceiveCardRequest,
  RejectCardRequest,
  RuleList,
  RuleQuery,
  RuleResponse,
  SetRuleRequest,
  ShipCardRequest,
} from './dto/kanban.dto.js';
import { KanbanRulesService } from './kanban-rules.service.js';
import { KanbanService } from './kanban.service.js';

/** Kept at the original path `/api/v1/ppic/kanban/cards` (the old `/api/v1/kanban/...` is gone). */
@ApiTags('kanban')
@Controller('ppic/kanban/cards')
export class KanbanCardsController {
  constructor(
    private readonly kanban: KanbanService,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @Idempotent()
  @RequirePermission('kanban.create')
  @ApiCreatedResponse({ type: CardResponse, description: "REQUESTED, for the signed-in user's department" })
  createCard(
    @Body() body: CreateCardRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CardResponse> {
    return this.kanban.create(body, principal);
  }

  @Get()
  @RequirePermission('kanban.view')
  @ApiOkResponse({
    type: CardPage,
    description: 'Every card, closed ones too (the board keeps only recent closed cards), a page at a time',
  })
  @CsvExportable()
  listCards(
    @Query() query: CardQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return answerList(request, reply, this.dataSource, {
      json: () => this.kanban.history(query, principal),
      csv: () => this.kanban.historyCsv(query, principal),
    });
  }

  @Get('all')
  @RequirePermission('kanban.view')
  @ApiOkResponse({
    type: BoardResponse,
    headers: { ETag: { description: 'Tag of this answer; send it back as If-None-Match' } },
  })
  @ApiResponse({ status: 304, description: 'The board has not changed since the ETag sent in If-None-Match' })
  async listBoardCards(
    @Query() query: BoardQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // Sent as built once per change: 304 when the browser has it, gzip when it accepts it.
    const answer = await this.kanban.boardAnswer(query, principal);
    reply
      .header('etag', answer.etag)
      .header('cache-control', 'private, no-cache')
      .header('vary', 'accept-encoding');
    if (request.headers['if-none-match'] === answer.etag) return void reply.code(304).send();
    reply.type('application/json; charset=utf-8');
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? ''))
      return void reply.header('content-encoding', 'gzip').send(answer.gzip);
    return void reply.send(answer.json);
  }

  @Get(':id')
  @RequirePermission('kanban.view')
  @ApiOkResponse({ type: CardResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  getCard(@IdParam() id: string, @CurrentPrincipal() principal: Principal): Promise<CardResponse> {
    return this.kanban.get(id, principal);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('kanban.approve')
  @ApiOkResponse({
    type: CardResponse,
    description:
      'APPROVED; the granted quantity is reserved at the source; a kept rest is a new REQUESTED card',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE, or INSUFFICIENT_STOCK' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'More than requested, a partial approval without remainder or reason, FRACTIONAL_WHOLE_UNIT',
  })
  approveCard(
    @IdParam() id: string,
    @Body() body: ApproveCardRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CardResponse> {
    return this.kanban.approve(id, principal, body);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('kanban.approve')
  @ApiOkResponse({ type: CardResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  rejectCard(
    @IdParam() id: string,
    @Body() body: RejectCardRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CardResponse> {
    return this.kanban.reject(id, principal, body.reason);
  }

  @Post(':id/ship')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('kanban.update')
  @ApiOkResponse({
    type: CardResponse,
    description: "IN_TRANSIT; stock moved into the department's transit location",
  })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'Only the warehouse ships' })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  shipCard(
    @IdParam() id: string,
    @Body() body: ShipCardRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CardResponse> {
    return this.kanban.ship(id, principal, body);
  }

  @Get(':id/stock')
  @RequirePermission('kanban.view')
  @ApiOkResponse({
    type: CardStockResponse,
    description: 'Free stock per rack and lot the card can draw on, FIFO first, with the suggested lot',
  })
  @ApiNotFoundResponse({ type: ErrorBody })
  getCardStock(@IdParam() id: string): Promise<CardStockResponse> {
    return this.kanban.stockFor(id);
  }

  @Post(':id/receive')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('kanban.update')
  @ApiOkResponse({
    type: CardResponse,
    description: 'RECEIVED; stock on the line, a short receipt (reason required) returned to the rack',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'A short receipt without shortReason' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'Only the requesting department receives' })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  receiveCard(
    @IdParam() id: string,
    @Body() body: ReceiveCardRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CardResponse> {
    return this.kanban.receive(id, principal, body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('kanban.update')
  @ApiOkResponse({ type: CardResponse })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'Only the requester cancels' })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  cancelCard(
    @IdParam() id: string,
    @Body() _body: CancelCardRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CardResponse> {
    return this.kanban.cancel(id, principal);
  }

  @Put(':id/position')
  @RequirePermission('kanban.update')
  @ApiOkResponse({ type: CardResponse })
  setCardPosition(
    @IdParam() id: string,
    @Body() body: PositionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CardResponse> {
    return this.kanban.position(id, body.position, principal);
  }
}

@ApiTags('kanban')
@Controller('ppic/kanban/rules')
export class KanbanRulesController {
  constructor(private readonly rules: KanbanRulesService) {}

  @Get()
  @RequirePermission('kanban.view')
  @ApiOkResponse({ type: RuleList })
  listKanbanRules(@Query() query: RuleQuery): Promise<RuleList> {
    return this.rules.list(query);
  }

  @Post()
  @RequirePermission('kanban.approve')
  @ApiCreatedResponse({
    type: RuleResponse,
    description: 'Created or replaced (one per department × product)',
  })
  setKanbanRule(@Body() body: SetRuleRequest): Promise<RuleResponse> {
    return this.rules.set(body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('kanban.approve')
  @ApiNoContentResponse()
  deleteKanbanRule(@IdParam() id: string): Promise<void> {
    return this.rules.remove(id);
  }
}
