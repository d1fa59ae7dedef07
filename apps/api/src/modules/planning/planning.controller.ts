import { Body, Controller, Get, HttpStatus, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../../core/context/request-context.js';
import { ErrorBody } from '../../core/errors/error-body.js';
import { IdParam } from '../../core/http/id-param.js';
import { Idempotent } from '../../core/idempotency/idempotent.decorator.js';
import { CurrentPrincipal } from '../../core/permissions/current-principal.decorator.js';
import { RequirePermission } from '../../core/permissions/route-access.decorators.js';
import {
  GridQuery,
  MrpGridResponse,
  MrpRunResponse,
  PlannedOrderPage,
  PlannedOrderQuery,
  ReleasePlannedOrdersRequest,
  ReleaseResponse,
  StartMrpRunRequest,
} from './dto/planning.dto.js';
import { MrpReleaseService } from './mrp/mrp-release.service.js';
import { MrpService } from './mrp/mrp.service.js';

/** MRP runs: plan the whole factory, read the plan, release planned orders. */
@ApiTags('planning')
@Controller('planning/mrp/runs')
export class PlanningController {
  constructor(
    private readonly mrp: MrpService,
    private readonly releases: MrpReleaseService,
  ) {}

  @Post()
  @RequirePermission('planning.create')
  @Idempotent()
  @ApiCreatedResponse({ type: MrpRunResponse, description: 'The finished run' })
  @ApiAcceptedResponse({
    type: MrpRunResponse,
    description:
      'The run takes longer than MRP_SYNC_WAIT_MS: it goes on (state RUNNING, `Location` names it) and publishes `planning.mrp.progress`, then `mrp_run.finished` or `mrp_run.failed`',
    headers: {
      Location: { description: 'The running run: GET it for its state', schema: { type: 'string' } },
    },
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'MRP_RUNNING' })
  async startMrpRun(
    @Body() body: StartMrpRunRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MrpRunResponse> {
    const { run, finished } = await this.mrp.start(body, principal);
    if (!finished)
      reply.status(HttpStatus.ACCEPTED).header('location', `/api/v1/planning/mrp/runs/${run.id}`);
    return run;
  }

  @Get('latest')
  @RequirePermission('planning.view')
  @ApiOkResponse({ type: MrpRunResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No run yet' })
  getLatestMrpRun(): Promise<MrpRunResponse> {
    return this.mrp.latest();
  }

  @Get(':id')
  @RequirePermission('planning.view')
  @ApiOkResponse({ type: MrpRunResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  getMrpRun(@IdParam() id: string): Promise<MrpRunResponse> {
    return this.mrp.get(id);
  }

  @Get(':id/planned-orders')
  @RequirePermission('planning.view')
  @ApiOkResponse({ type: PlannedOrderPage })
  @ApiNotFoundResponse({ type: ErrorBody })
  listPlannedOrders(@IdParam() id: string, @Query() query: PlannedOrderQuery): Promise<PlannedOrderPage> {
    return this.mrp.plannedOrders(id, query);
  }

  @Get(':id/grid')
  @RequirePermission('planning.view')
  @ApiOkResponse({ type: MrpGridResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'Unknown run, or the product is not in it' })
  getMrpGrid(@IdParam() id: string, @Query() query: GridQuery): Promise<MrpGridResponse> {
    return this.mrp.grid(id, query.productId);
  }

  @Post(':id/release')
  @RequirePermission('planning.approve')
  @ApiCreatedResponse({ type: ReleaseResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'ALREADY_RELEASED, STALE_RUN' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'NO_SUPPLIER' })
  releasePlannedOrders(
    @IdParam() id: string,
    @Body() body: ReleasePlannedOrdersRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReleaseResponse> {
    return this.releases.release(id, body, principal);
  }
}
