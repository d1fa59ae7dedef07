import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { LINE_DEPARTMENTS, type LineDepartment } from '@kapok/contracts';
import type { Principal } from '../../core/context/request-context.js';
import { AppError } from '../../core/errors/app-error.js';
import { ErrorBody } from '../../core/errors/error-body.js';
import { IdParam } from '../../core/http/id-param.js';
import { Idempotent } from '../../core/idempotency/idempotent.decorator.js';
import { CurrentPrincipal } from '../../core/permissions/current-principal.decorator.js';
import { RequirePermission } from '../../core/permissions/route-access.decorators.js';
import {
  AcknowledgeAlarmRequest,
  HandoverCheckResponse,
  LineAlertsResponse,
  LineBlockResponse,
  LineList,
  LineResponse,
  OverrideBlockRequest,
  ScrapLineWipRequest,
  SegregationAlarmResponse,
} from './dto/production-control.dto.js';
import { LineCommandsService } from './line-commands.service.js';
import { LineControlService } from './line-control.service.js';

const DepartmentParam = () =>
  Param(
    'department',
    new ParseEnumPipe(LINE_DEPARTMENTS, {
      exceptionFactory: () =>
        new AppError(404, 'NOT_FOUND', 'There is no production line of that department'),
    }),
  );

/** Shop-floor control: line occupancy, line clearance, segregation alarms and their escalation. */
@ApiTags('production')
@Controller('production')
export class ProductionControlController {
  constructor(
    private readonly control: LineControlService,
    private readonly commands: LineCommandsService,
  ) {}

  @Get('lines')
  @RequirePermission('production.view')
  @ApiOkResponse({
    type: LineList,
    description: 'Every department line: the WIP on it (from the ledger), blocks and alarms',
  })
  listLines(): Promise<LineList> {
    return this.control.lines();
  }

  @Get('line-alerts')
  @RequirePermission('production.view')
  @ApiOkResponse({ type: LineAlertsResponse })
  listLineAlerts(): Promise<LineAlertsResponse> {
    return this.control.alerts();
  }

  @Get('work-orders/:id/handover-check')
  @RequirePermission('production.view')
  @ApiOkResponse({
    type: HandoverCheckResponse,
    description: 'What a handover would meet on the receiving line now',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'LAST_DEPARTMENT' })
  checkHandover(@IdParam() id: string): Promise<HandoverCheckResponse> {
    return this.control.check(id);
  }

  @Post('line-blocks/:id/override')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('production.approve')
  @ApiOkResponse({
    type: LineBlockResponse,
    description: 'OVERRIDDEN: the next handover of that work order goes through',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  overrideLineBlock(
    @IdParam() id: string,
    @Body() body: OverrideBlockRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LineBlockResponse> {
    return this.commands.override(id, body.reason, principal);
  }

  @Post('segregation-alarms/:id/acknowledge')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('production.update')
  @ApiOkResponse({ type: SegregationAlarmResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  acknowledgeSegregationAlarm(
    @IdParam() id: string,
    @Body() body: AcknowledgeAlarmRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SegregationAlarmResponse> {
    return this.commands.acknowledge(id, body, principal);
  }

  @Post('lines/:department/scrap')
  @HttpCode(201)
  @Idempotent()
  @RequirePermission('production.update')
  @ApiParam({ name: 'department', enum: LINE_DEPARTMENTS })
  @ApiCreatedResponse({ type: LineResponse, description: 'The line after the order’s WIP went to LOSS' })
  @ApiConflictResponse({ type: ErrorBody, description: 'NOTHING_ON_LINE, INSUFFICIENT_STOCK' })
  scrapLineWip(
    @DepartmentParam() department: LineDepartment,
    @Body() body: ScrapLineWipRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LineResponse> {
    return this.commands.scrap(department, body.moId, body.reason, principal);
  }
}
