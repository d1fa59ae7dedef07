import { Body, Controller, Get, HttpCode, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
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
  CreateSalesOrderRequest,
  SalesOrderPage,
  SalesOrderQuery,
  SalesOrderResponse,
  TransitionRequest,
  UpdateSalesOrderRequest,
} from './dto/sales.dto.js';
import { SalesService } from './sales.service.js';

@ApiTags('sales')
@Controller('sales/orders')
export class SalesOrdersController {
  constructor(
    private readonly sales: SalesService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @RequirePermission('sales.view')
  @ApiOkResponse({ type: SalesOrderPage })
  @CsvExportable()
  listSalesOrders(
    @Query() query: SalesOrderQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return answerList(request, reply, this.dataSource, {
      json: () => this.sales.list(query, principal),
      csv: () => this.sales.exportCsv(query, principal),
    });
  }

  @Post()
  @Idempotent()
  @RequirePermission('sales.create')
  @ApiCreatedResponse({ type: SalesOrderResponse, description: 'DRAFT, with SO-YYYYMMDD-NNNN' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'Unknown customer' })
  @ApiConflictResponse({ type: ErrorBody, description: 'DUPLICATE_CUSTOMER_PO' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'Not a customer, not a finished good, a fraction of a piece, or a week that does not exist',
  })
  createSalesOrder(
    @Body() body: CreateSalesOrderRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SalesOrderResponse> {
    return this.sales.create(body, principal);
  }

  @Get(':id')
  @RequirePermission('sales.view')
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  getSalesOrder(
    @IdParam() id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SalesOrderResponse> {
    return this.sales.get(id, principal);
  }

  @Put(':id')
  @RequirePermission('sales.update')
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'STALE_VERSION, INVALID_STATE (not a draft) or DUPLICATE_CUSTOMER_PO',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorBody })
  updateSalesOrder(
    @IdParam() id: string,
    @Body() body: UpdateSalesOrderRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SalesOrderResponse> {
    return this.sales.update(id, body, principal);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('sales.approve')
  @ApiOkResponse({ type: SalesOrderResponse, description: 'CONFIRMED: its lines are demand' })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  confirmSalesOrder(
    @IdParam() id: string,
    @Body() _body: TransitionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SalesOrderResponse> {
    return this.sales.transition(id, 'confirm', principal);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('sales.update')
  @ApiOkResponse({ type: SalesOrderResponse, description: 'CANCELLED (from DRAFT or CONFIRMED)' })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  cancelSalesOrder(
    @IdParam() id: string,
    @Body() _body: TransitionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SalesOrderResponse> {
    return this.sales.transition(id, 'cancel', principal);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('sales.update')
  @ApiOkResponse({ type: SalesOrderResponse, description: 'CLOSED (from PARTIALLY_SHIPPED or SHIPPED)' })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  closeSalesOrder(
    @IdParam() id: string,
    @Body() _body: TransitionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SalesOrderResponse> {
    return this.sales.transition(id, 'close', principal);
  }
}
