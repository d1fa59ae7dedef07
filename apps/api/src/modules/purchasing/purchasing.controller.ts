import { Body, Controller, Get, HttpCode, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Principal } from '../../core/context/request-context.js';
import { ErrorBody } from '../../core/errors/error-body.js';
import { answerList, CsvExportable } from '../../core/http/csv.js';
import { IdParam } from '../../core/http/id-param.js';
import type { Page } from '../../core/http/paging.js';
import { Idempotent } from '../../core/idempotency/idempotent.decorator.js';
import { CurrentPrincipal } from '../../core/permissions/current-principal.decorator.js';
import { RequirePermission } from '../../core/permissions/route-access.decorators.js';
import {
  CreatePurchaseOrderRequest,
  CreateReceiptRequest,
  GoodsReceiptResponse,
  PurchaseOrderPage,
  PurchaseOrderQuery,
  PurchaseOrderResponse,
  PurchaseTransitionRequest,
  ReceivableLinePage,
  ReceivableLineQuery,
  type ReceivableLineResponse,
  UpdatePurchaseOrderRequest,
} from './dto/purchasing.dto.js';
import { PurchasingService } from './purchasing.service.js';

@ApiTags('purchasing')
@Controller('purchasing')
export class PurchaseOrdersController {
  constructor(
    private readonly purchasing: PurchasingService,
    private readonly dataSource: DataSource,
  ) {}

  @Get('orders')
  @RequirePermission('purchasing.view')
  @ApiOkResponse({ type: PurchaseOrderPage })
  @CsvExportable()
  listPurchaseOrders(
    @Query() query: PurchaseOrderQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return answerList(request, reply, this.dataSource, {
      json: () => this.purchasing.list(query, principal),
      csv: () => this.purchasing.exportCsv(query, principal),
    });
  }

  @Post('orders')
  @Idempotent()
  @RequirePermission('purchasing.create')
  @ApiCreatedResponse({ type: PurchaseOrderResponse, description: 'DRAFT, with PO-YYYYMMDD-NNNN' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'Unknown supplier' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'Not a supplier, a unit not convertible' })
  createPurchaseOrder(
    @Body() body: CreatePurchaseOrderRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PurchaseOrderResponse> {
    return this.purchasing.create(body, principal);
  }

  /** Declared before `orders/:id` so the path is not read as an id. */
  @Get('receivable-lines')
  @RequirePermission('warehouse.view')
  @ApiOkResponse({
    type: ReceivableLinePage,
    description: 'Open lines of approved orders, for the receive screen',
  })
  listReceivableLines(@Query() query: ReceivableLineQuery): Promise<Page<ReceivableLineResponse>> {
    return this.purchasing.receivable(query);
  }

  @Get('orders/:id')
  @RequirePermission('purchasing.view')
  @ApiOkResponse({ type: PurchaseOrderResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  getPurchaseOrder(
    @IdParam() id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PurchaseOrderResponse> {
    return this.purchasing.get(id, principal);
  }

  @Put('orders/:id')
  @RequirePermission('purchasing.update')
  @ApiOkResponse({ type: PurchaseOrderResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'STALE_VERSION or INVALID_STATE (not a draft)' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody })
  updatePurchaseOrder(
    @IdParam() id: string,
    @Body() body: UpdatePurchaseOrderRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PurchaseOrderResponse> {
    return this.purchasing.update(id, body, principal);
  }

  @Post('orders/:id/approve')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('purchasing.approve')
  @ApiOkResponse({
    type: PurchaseOrderResponse,
    description: 'APPROVED: its open lines are scheduled receipts',
  })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'SELF_APPROVAL: the creator never approves' })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  approvePurchaseOrder(
    @IdParam() id: string,
    @Body() _body: PurchaseTransitionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PurchaseOrderResponse> {
    return this.purchasing.transition(id, 'approve', principal);
  }

  @Post('orders/:id/cancel')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('purchasing.update')
  @ApiOkResponse({ type: PurchaseOrderResponse, description: 'CANCELLED (from DRAFT or APPROVED)' })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  cancelPurchaseOrder(
    @IdParam() id: string,
    @Body() _body: PurchaseTransitionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PurchaseOrderResponse> {
    return this.purchasing.transition(id, 'cancel', principal);
  }

  @Post('orders/:id/close')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('purchasing.update')
  @ApiOkResponse({
    type: PurchaseOrderResponse,
    description: 'CLOSED: the rest of a partly received order is no longer expected',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  closePurchaseOrder(
    @IdParam() id: string,
    @Body() _body: PurchaseTransitionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PurchaseOrderResponse> {
    return this.purchasing.transition(id, 'close', principal);
  }

  @Post('orders/:id/receipts')
  @Idempotent()
  @RequirePermission('warehouse.create')
  @ApiCreatedResponse({ type: GoodsReceiptResponse, description: 'The GRN with its lots and moves' })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE, OVER_RECEIPT or LOT_NUMBER_TAKEN' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'A line of another order, a location that is not a rack, UNIT_NOT_CONVERTIBLE',
  })
  receivePurchaseOrder(
    @IdParam() id: string,
    @Body() body: CreateReceiptRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GoodsReceiptResponse> {
    return this.purchasing.receive(id, body, principal);
  }
}
