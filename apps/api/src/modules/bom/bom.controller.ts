import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorBody } from '../../core/errors/error-body.js';
import { IdParam } from '../../core/http/id-param.js';
import { Idempotent } from '../../core/idempotency/idempotent.decorator.js';
import { RequirePermission } from '../../core/permissions/route-access.decorators.js';
import { BomExplosionService } from './bom-explosion.service.js';
import { BomService } from './bom.service.js';
import {
  BomPage,
  BomQuery,
  BomResponse,
  BomRevisionList,
  CreateBomRequest,
  ExplodeQuery,
  ExplosionResponse,
  UpdateBomRequest,
} from './dto/bom.dto.js';

/** Kept at the original path `/api/v1/warehouse/bom`, with the permission module `bom`. */
@ApiTags('bom')
@Controller('warehouse/bom')
export class BomController {
  constructor(
    private readonly boms: BomService,
    private readonly explosion: BomExplosionService,
  ) {}

  @Post()
  @Idempotent()
  @RequirePermission('bom.create')
  @ApiCreatedResponse({ type: BomResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'Unknown product or component' })
  @ApiConflictResponse({ type: ErrorBody, description: 'BOM_ALREADY_ACTIVE' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'Invalid, or BOM_CYCLE' })
  createBom(@Body() body: CreateBomRequest): Promise<BomResponse> {
    return this.boms.create(body);
  }

  @Get()
  @RequirePermission('bom.view')
  @ApiOkResponse({ type: BomPage })
  listBoms(@Query() query: BomQuery): Promise<BomPage> {
    return this.boms.list(query);
  }

  @Get(':id')
  @RequirePermission('bom.view')
  @ApiOkResponse({ type: BomResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  getBom(@IdParam() id: string): Promise<BomResponse> {
    return this.boms.get(id);
  }

  @Put(':id')
  @Idempotent()
  @RequirePermission('bom.update')
  @ApiOkResponse({ type: BomResponse, description: 'The new revision' })
  @ApiConflictResponse({ type: ErrorBody, description: 'STALE_VERSION' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'Invalid, or BOM_CYCLE' })
  updateBom(@IdParam() id: string, @Body() body: UpdateBomRequest): Promise<BomResponse> {
    return this.boms.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('bom.delete')
  @ApiNoContentResponse({ description: 'Soft-deleted' })
  @ApiConflictResponse({ type: ErrorBody, description: 'BOM_IN_USE' })
  deleteBom(@IdParam() id: string): Promise<void> {
    return this.boms.remove(id);
  }

  @Get(':id/revisions')
  @RequirePermission('bom.view')
  @ApiOkResponse({ type: BomRevisionList })
  listBomRevisions(@IdParam() id: string): Promise<BomRevisionList> {
    return this.boms.revisions(id);
  }

  @Get(':id/explode')
  @RequirePermission('bom.view')
  @ApiOkResponse({ type: ExplosionResponse })
  explodeBom(@IdParam() id: string, @Query() query: ExplodeQuery): Promise<ExplosionResponse> {
    return this.explosion.explode(id, query.quantity);
  }
}
