import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../../core/context/request-context.js';
import { ErrorBody } from '../../core/errors/error-body.js';
import { IdParam } from '../../core/http/id-param.js';
import type { Page } from '../../core/http/paging.js';
import { Idempotent } from '../../core/idempotency/idempotent.decorator.js';
import { CurrentPrincipal } from '../../core/permissions/current-principal.decorator.js';
import { RequirePermission } from '../../core/permissions/route-access.decorators.js';
import {
  CancelGatePassRequest,
  CountGatePassRequest,
  CreateGatePassRequest,
  GatePassPage,
  GatePassQuery,
  GatePassResponse,
  SubconAlertList,
  SubconAlertQuery,
  SubconWorkOrderList,
} from './dto/subcon.dto.js';
import { GatePassesService } from './gate-passes.service.js';
import { SubconAlerts } from './subcon-alerts.js';
import { SubconDocuments } from './subcon.documents.js';

@ApiTags('subcon')
@Controller('subcon')
export class SubconController {
  constructor(
    private readonly passes: GatePassesService,
    private readonly documents: SubconDocuments,
    private readonly alerts: SubconAlerts,
  ) {}

  @Get('gate-passes')
  @RequirePermission('warehouse.view')
  @ApiOkResponse({ type: GatePassPage })
  listGatePasses(@Query() query: GatePassQuery): Promise<Page<GatePassResponse>> {
    return this.passes.list(query);
  }

  @Post('gate-passes')
  @Idempotent()
  @RequirePermission('warehouse.create')
  @ApiCreatedResponse({ type: GatePassResponse, description: 'DRAFT, numbered GPO-/GPI-YYYYMMDD-NNNN' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'Unknown partner or work order' })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'INVALID_STATE: the SUBCON work order is not started',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description:
      'NOT_A_SUBCONTRACTOR, NOT_SUBCON_WORK_ORDER, FRACTIONAL_WHOLE_UNIT, VALIDATION_FAILED (a product not of the work order, twice, a missing delivery note on IN)',
  })
  createGatePass(
    @Body() body: CreateGatePassRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GatePassResponse> {
    return this.passes.create(body, principal);
  }

  @Get('gate-passes/:id')
  @RequirePermission('warehouse.view')
  @ApiOkResponse({ type: GatePassResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  getGatePass(@IdParam() id: string): Promise<GatePassResponse> {
    return this.passes.get(id);
  }

  @Post('gate-passes/:id/count')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('warehouse.approve')
  @ApiOkResponse({
    type: GatePassResponse,
    description:
      'RELEASED when every count equals the pass (stock moved in the same transaction), HOLD otherwise (nothing moved)',
  })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'INVALID_STATE (not DRAFT or HOLD), INSUFFICIENT_STOCK, LOT_NOT_RELEASED',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'A line missing, unknown or counted twice; FRACTIONAL_WHOLE_UNIT',
  })
  countGatePass(
    @IdParam() id: string,
    @Body() body: CountGatePassRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GatePassResponse> {
    return this.passes.count(id, body, principal);
  }

  @Post('gate-passes/:id/cancel')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('warehouse.create')
  @ApiOkResponse({ type: GatePassResponse, description: 'CANCELLED (from DRAFT or HOLD), with the reason' })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  cancelGatePass(
    @IdParam() id: string,
    @Body() body: CancelGatePassRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GatePassResponse> {
    return this.passes.cancel(id, body.reason, principal);
  }

  @Post('gate-passes/:id/to-line')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('warehouse.create')
  @ApiOkResponse({
    type: GatePassResponse,
    description:
      'IN, RELEASED, its lot released by QC: the goods move from the receiving rack to the SUBCON line (then handed to Finishing)',
  })
  @ApiConflictResponse({
    type: ErrorBody,
    description:
      'INVALID_STATE (not a released IN pass, or already moved), LOT_NOT_RELEASED (QC has not released it)',
  })
  moveGatePassToLine(
    @IdParam() id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GatePassResponse> {
    return this.passes.toLine(id, principal);
  }

  @Get('gate-passes/:id/gate-pass.pdf')
  @RequirePermission('warehouse.view')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The printed gate pass (A4), signature boxes for warehouse, security, driver',
  })
  @ApiNotFoundResponse({ type: ErrorBody })
  async gatePassPdf(@IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const pdf = await this.documents.gatePass(id);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="gate-pass-${id}.pdf"`)
      .header('cache-control', 'private, no-cache')
      .header('x-content-type-options', 'nosniff')
      .send(pdf);
  }

  @Get('work-orders')
  @RequirePermission('warehouse.view')
  @ApiOkResponse({
    type: SubconWorkOrderList,
    description: 'SUBCON work orders of running orders: what may go out and what went out and came back',
  })
  listSubconWorkOrders(): Promise<SubconWorkOrderList> {
    return this.passes.workOrders();
  }

  @Get('alerts')
  @RequirePermission('warehouse.view')
  @ApiOkResponse({ type: SubconAlertList, description: 'Stock at a subcontractor beyond its agreed days' })
  listSubconAlerts(@Query() query: SubconAlertQuery): Promise<SubconAlertList> {
    return this.alerts.list(query.status ?? 'OPEN');
  }
}
