import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorBody } from '../../core/errors/error-body.js';
import { IdParam } from '../../core/http/id-param.js';
import { RequirePermission } from '../../core/permissions/route-access.decorators.js';
import { TraceQuery, TraceResponse } from './dto/trace.dto.js';
import { TraceService } from './trace.service.js';

@ApiTags('quality')
@Controller('quality/trace')
export class TraceController {
  constructor(private readonly traces: TraceService) {}

  /** Backward: where a lot came from (batches, material lots, receipts, suppliers). Forward: where it went. */
  @Get(':lotId')
  @RequirePermission('quality.view')
  @ApiOkResponse({ type: TraceResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'NOT_FOUND' })
  traceLot(@IdParam('lotId') lotId: string, @Query() query: TraceQuery): Promise<TraceResponse> {
    return this.traces.trace(lotId, query.direction ?? 'backward');
  }
}
