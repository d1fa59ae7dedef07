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
import { Idempotent } from '../../core/idempotency/idempotent.decorator.js';
import { CurrentPrincipal } from '../../core/permissions/current-principal.decorator.js';
import { RequirePermission } from '../../core/permissions/route-access.decorators.js';
import {
  BottlenecksResponse,
  OverviewResponse,
  PerformanceResponse,
  PeriodQuery,
} from './dto/dashboard.dto.js';
import {
  BatchRequest,
  BatchResponse,
  CancelMoRequest,
  CompleteMoRequest,
  CreateMoRequest,
  MoDetailResponse,
  MoPage,
  MoQuery,
  MoResponse,
  NotesRequest,
  ReturnMoRequest,
  UpdateMoRequest,
} from './dto/mo.dto.js';
import {
  AcceptHandoverRequest,
  HandoverList,
  HandoverQuery,
  HandoverRequest,
  HandoverResponse,
  OutputRequest,
  WorkOrderList,
  WorkOrderQuery,
} from './dto/production.dto.js';
import { WorkOrderResponse } from './dto/mo.dto.js';
import { DashboardService } from './dashboard/dashboard.service.js';
import { MoTransitions } from './orders/mo-transitions.service.js';
import { MoService } from './orders/mo.service.js';
import { WorkOrdersService } from './production/work-orders.service.js';

/** Manufacturing orders, kept at the original path `/api/v1/ppic/tasks`. */
@ApiTags('ppic')
@Controller('ppic/tasks')
export class MoController {
  constructor(
    private readonly orders: MoService,
    private readonly transitions: MoTransitions,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @Idempotent()
  @RequirePermission('ppic.create')
  @ApiCreatedResponse({ type: MoResponse, description: 'DRAFT' })
  createMo(@Body() body: CreateMoRequest, @CurrentPrincipal() principal: Principal): Promise<MoResponse> {
    return this.orders.create(body, principal);
  }

  @Get()
  @RequirePermission('ppic.view')
  @ApiOkResponse({ type: MoPage })
  @CsvExportable()
  listMos(
    @Query() query: MoQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return answerList(request, reply, this.dataSource, {
      json: () => this.orders.list(query, principal),
      csv: () => this.orders.exportCsv(query, principal),
    });
  }

  @Get(':id')
  @RequirePermission('ppic.view')
  @ApiOkResponse({ type: MoDetailResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  getMo(@IdParam() id: string, @CurrentPrincipal() principal: Principal): Promise<MoDetailResponse> {
    return this.orders.detail(id, principal);
  }

  @Put(':id')
  @RequirePermission('ppic.update')
  @ApiOkResponse({ type: MoResponse, description: 'The draft with its new plan' })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE (not a draft), STALE_VERSION' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'VALIDATION_FAILED, NO_ACTIVE_BOM' })
  updateMo(
    @IdParam() id: string,
    @Body() body: UpdateMoRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MoResponse> {
    return this.orders.update(id, body, principal);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('ppic.approve')
  @ApiOkResponse({
    type: MoResponse,
    description: 'DRAFT again; the frozen BOM and the approval are dropped',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE (only an APPROVED order returns)' })
  returnMo(
    @IdParam() id: string,
    @Body() body: ReturnMoRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MoResponse> {
    return this.transitions.run('return', id, { reason: body.reason }, principal);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('ppic.approve')
  @ApiOkResponse({ type: MoResponse, description: 'APPROVED; the exploded BOM is frozen onto the order' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'SELF_APPROVAL' })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE, NO_ACTIVE_BOM, BOM_ROUTE_MISMATCH' })
  approveMo(
    @IdParam() id: string,
    @Body() body: NotesRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MoResponse> {
    return this.transitions.run('approve', id, { notes: body.notes }, principal);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('ppic.update')
  @ApiOkResponse({
    type: MoResponse,
    description: "IN_PROGRESS; work orders created, the first department's materials reserved",
  })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'INVALID_STATE, INSUFFICIENT_STOCK (nothing reserved)',
  })
  startMo(
    @IdParam() id: string,
    @Body() body: NotesRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MoResponse> {
    return this.transitions.run('start', id, { notes: body.notes }, principal);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('ppic.update')
  @ApiOkResponse({
    type: MoResponse,
    description: 'COMPLETED with variancePercent, and varianceWarning above 10%',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE, INSUFFICIENT_STOCK' })
  completeMo(
    @IdParam() id: string,
    @Body() body: CompleteMoRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MoResponse> {
    return this.transitions.run(
      'complete',
      id,
      { actualQuantity: body.actualQuantity, qualityNotes: body.qualityNotes },
      principal,
    );
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('ppic.update')
  @ApiOkResponse({ type: MoResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  cancelMo(
    @IdParam() id: string,
    @Body() body: CancelMoRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MoResponse> {
    return this.transitions.run('cancel', id, { reason: body.reason }, principal);
  }
}

/** Batch transitions: one route per action, each with the single action's permission. */
@ApiTags('ppic')
@Controller('ppic/tasks/batch')
export class MoBatchController {
  constructor(private readonly transitions: MoTransitions) {}

  @Post('approve')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('ppic.approve')
  @ApiOkResponse({ type: BatchResponse })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'BATCH_FAILED (atomic): nothing changed, details.failedId',
  })
  batchApproveMos(
    @Body() body: BatchRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BatchResponse> {
    return this.transitions.batch('approve', body, principal);
  }

  @Post('start')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('ppic.update')
  @ApiOkResponse({ type: BatchResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'BATCH_FAILED (atomic)' })
  batchStartMos(
    @Body() body: BatchRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BatchResponse> {
    return this.transitions.batch('start', body, principal);
  }

  @Post('complete')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('ppic.update')
  @ApiOkResponse({ type: BatchResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'BATCH_FAILED (atomic)' })
  async batchCompleteMos(
    @Body() body: BatchRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BatchResponse> {
    return this.transitions.batch('complete', body, principal);
  }

  @Post('cancel')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('ppic.update')
  @ApiOkResponse({ type: BatchResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'BATCH_FAILED (atomic)' })
  batchCancelMos(
    @Body() body: BatchRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BatchResponse> {
    return this.transitions.batch('cancel', body, principal);
  }
}

@ApiTags('ppic')
@Controller('ppic/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('overview')
  @RequirePermission('ppic.view')
  @ApiOkResponse({ type: OverviewResponse })
  getDashboardOverview(): Promise<OverviewResponse> {
    return this.dashboard.overview();
  }

  @Get('performance')
  @RequirePermission('ppic.view')
  @ApiOkResponse({ type: PerformanceResponse })
  getDashboardPerformance(@Query() query: PeriodQuery): Promise<PerformanceResponse> {
    return this.dashboard.performance(query);
  }

  @Get('bottlenecks')
  @RequirePermission('ppic.view')
  @ApiOkResponse({ type: BottlenecksResponse })
  getDashboardBottlenecks(@Query() query: PeriodQuery): Promise<BottlenecksResponse> {
    return this.dashboard.bottlenecks(query);
  }
}

/** Department work: work orders and the QT-09 handover handshake. */
@ApiTags('production')
@Controller('production')
export class ProductionController {
  constructor(
    private readonly workOrders: WorkOrdersService,
    private readonly dataSource: DataSource,
  ) {}

  @Get('work-orders')
  @RequirePermission('production.view')
  @ApiOkResponse({ type: WorkOrderList, description: 'Department users see only their own department' })
  @CsvExportable()
  listWorkOrders(
    @Query() query: WorkOrderQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return answerList(request, reply, this.dataSource, {
      json: () => this.workOrders.list(query, principal),
      csv: () => this.workOrders.exportCsv(query, principal),
    });
  }

  @Post('work-orders/:id/start')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('production.update')
  @ApiOkResponse({ type: WorkOrderResponse, description: "IN_PROGRESS; the department's materials reserved" })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE, INSUFFICIENT_STOCK' })
  startWorkOrder(
    @IdParam() id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WorkOrderResponse> {
    return this.workOrders.start(id, principal);
  }

  @Post('work-orders/:id/output')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('production.update')
  @ApiOkResponse({ type: WorkOrderResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE, INSUFFICIENT_STOCK' })
  recordWorkOrderOutput(
    @IdParam() id: string,
    @Body() body: OutputRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WorkOrderResponse> {
    return this.workOrders.output(id, body, principal);
  }

  @Post('work-orders/:id/handover')
  @HttpCode(201)
  @Idempotent()
  @RequirePermission('production.update')
  @ApiCreatedResponse({ type: HandoverResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE, LAST_DEPARTMENT' })
  handOverWorkOrder(
    @IdParam() id: string,
    @Body() body: HandoverRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HandoverResponse> {
    return this.workOrders.handover(id, body.quantity, principal);
  }

  @Get('handovers')
  @RequirePermission('production.view')
  @ApiOkResponse({ type: HandoverList })
  listHandovers(
    @Query() query: HandoverQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HandoverList> {
    return this.workOrders.handovers(query, principal);
  }

  @Post('handovers/:id/accept')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('production.update')
  @ApiOkResponse({ type: HandoverResponse })
  @ApiForbiddenResponse({
    type: ErrorBody,
    description: 'Another department, or APPROVAL_REQUIRED above 10% difference',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  acceptHandover(
    @IdParam() id: string,
    @Body() body: AcceptHandoverRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HandoverResponse> {
    return this.workOrders.accept(id, body.receivedQuantity, principal);
  }
}
