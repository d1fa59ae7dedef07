import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBody } from '../../core/errors/error-body.js';
import { answerList, CsvExportable } from '../../core/http/csv.js';
import { IdParam } from '../../core/http/id-param.js';
import { Idempotent } from '../../core/idempotency/idempotent.decorator.js';
import { RequirePermission } from '../../core/permissions/route-access.decorators.js';
import { AlertsService } from './alerts/alerts.service.js';
import {
  AcknowledgeAlertRequest,
  AlertPage,
  AlertQuery,
  AlertResponse,
  SetThresholdRequest,
  ThresholdPage,
  ThresholdQuery,
  ThresholdResponse,
} from './dto/alert.dto.js';
import {
  UpdateLocationRequest,
  CreateLocationRequest,
  CreateLotRequest,
  LocationPage,
  LocationQuery,
  LocationResponse,
  LotPage,
  LotQuery,
  LotResponse,
} from './dto/location.dto.js';
import {
  CreateProductRequest,
  ProductPage,
  ProductQuery,
  ProductResponse,
  UpdateProductRequest,
} from './dto/product.dto.js';
import {
  AdjustmentRequest,
  BalancePage,
  IssueRequest,
  MovePage,
  MovesQuery,
  PostingResponse,
  ProductStockResponse,
  ReceiptRequest,
  StockQuery,
  StockSummaryPage,
  StockSummaryQuery,
  TransferRequest,
} from './dto/stock.dto.js';
import { LocationsService, toLocationResponse } from './locations/locations.service.js';
import { LotsService } from './lots/lots.service.js';
import { ProductsService } from './products/products.service.js';
import { StockCommands } from './stock/stock.commands.js';
import { StockQueries } from './stock/stock.queries.js';

@ApiTags('warehouse')
@Controller('warehouse/products')
export class ProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @RequirePermission('warehouse.view')
  @ApiOkResponse({ type: ProductPage })
  @CsvExportable()
  listProducts(
    @Query() query: ProductQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return answerList(request, reply, this.dataSource, {
      json: () => this.products.list(query),
      csv: () => this.products.exportCsv(query),
    });
  }

  @Post()
  @Idempotent()
  @RequirePermission('warehouse.create')
  @ApiCreatedResponse({ type: ProductResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'DUPLICATE_CODE' })
  createProduct(@Body() body: CreateProductRequest): Promise<ProductResponse> {
    return this.products.create(body);
  }

  @Get(':id')
  @RequirePermission('warehouse.view')
  @ApiOkResponse({ type: ProductResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  getProduct(@IdParam() id: string): Promise<ProductResponse> {
    return this.products.get(id);
  }

  @Put(':id')
  @RequirePermission('warehouse.update')
  @ApiOkResponse({ type: ProductResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'DUPLICATE_CODE, STALE_VERSION or PRODUCT_HAS_STOCK' })
  updateProduct(@IdParam() id: string, @Body() body: UpdateProductRequest): Promise<ProductResponse> {
    return this.products.update(id, body);
  }
}

@ApiTags('warehouse')
@Controller('warehouse/locations')
export class LocationsController {
  constructor(private readonly locations: LocationsService) {}

  @Get()
  @RequirePermission('warehouse.view')
  @ApiOkResponse({ type: LocationPage })
  listLocations(@Query() query: LocationQuery): Promise<LocationPage> {
    return this.locations.list(query);
  }

  @Post()
  @RequirePermission('warehouse.create')
  @ApiCreatedResponse({ type: LocationResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'DUPLICATE_CODE' })
  createLocation(@Body() body: CreateLocationRequest): Promise<LocationResponse> {
    return this.locations.create(body);
  }

  @Get(':id')
  @RequirePermission('warehouse.view')
  @ApiOkResponse({ type: LocationResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  async getLocation(@IdParam() id: string): Promise<LocationResponse> {
    return toLocationResponse(await this.locations.get(id));
  }

  @Put(':id')
  @RequirePermission('warehouse.update')
  @ApiOkResponse({ type: LocationResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'VIRTUAL_LOCATION' })
  updateLocation(@IdParam() id: string, @Body() body: UpdateLocationRequest): Promise<LocationResponse> {
    return this.locations.update(id, body);
  }
}

@ApiTags('warehouse')
@Controller('warehouse/lots')
export class LotsController {
  constructor(private readonly lots: LotsService) {}

  @Get()
  @RequirePermission('warehouse.view')
  @ApiOkResponse({ type: LotPage })
  listLots(@Query() query: LotQuery): Promise<LotPage> {
    return this.lots.list(query);
  }

  @Post()
  @RequirePermission('warehouse.create')
  @ApiCreatedResponse({ type: LotResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'DUPLICATE_CODE' })
  createLot(@Body() body: CreateLotRequest): Promise<LotResponse> {
    return this.lots.create(body);
  }
}

@ApiTags('warehouse')
@Controller('warehouse/stock')
export class StockController {
  constructor(
    private readonly queries: StockQueries,
    private readonly commands: StockCommands,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @RequirePermission('warehouse.view')
  @ApiOkResponse({ type: BalancePage })
  listBalances(@Query() query: StockQuery): Promise<BalancePage> {
    return this.queries.balances(query);
  }

  @Get('summary')
  @RequirePermission('warehouse.view')
  @ApiOkResponse({ type: StockSummaryPage })
  getStockSummary(@Query() query: StockSummaryQuery): Promise<StockSummaryPage> {
    return this.queries.summary(query);
  }

  @Get('moves')
  @RequirePermission('warehouse.view')
  @ApiOkResponse({ type: MovePage })
  @CsvExportable()
  listStockMoves(
    @Query() query: MovesQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return answerList(request, reply, this.dataSource, {
      json: () => this.queries.moves(query),
      csv: () => this.queries.movesCsv(query),
    });
  }

  @Get(':productId')
  @RequirePermission('warehouse.view')
  @ApiOkResponse({ type: ProductStockResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  getProductStock(@IdParam('productId') productId: string): Promise<ProductStockResponse> {
    return this.queries.productStock(productId);
  }

  @Post('receipts')
  @Idempotent()
  @RequirePermission('warehouse.create')
  @ApiCreatedResponse({ type: PostingResponse })
  receiveStock(@Body() body: ReceiptRequest): Promise<PostingResponse> {
    return this.commands.receive(body);
  }

  @Post('issues')
  @Idempotent()
  @RequirePermission('warehouse.create')
  @ApiCreatedResponse({ type: PostingResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INSUFFICIENT_STOCK' })
  issueStock(@Body() body: IssueRequest): Promise<PostingResponse> {
    return this.commands.issue(body);
  }

  @Post('transfers')
  @Idempotent()
  @RequirePermission('warehouse.create')
  @ApiCreatedResponse({ type: PostingResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INSUFFICIENT_STOCK' })
  transferStock(@Body() body: TransferRequest): Promise<PostingResponse> {
    return this.commands.transfer(body);
  }

  @Post('adjustments')
  @Idempotent()
  @RequirePermission('warehouse.update')
  @ApiCreatedResponse({ type: PostingResponse })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'INSUFFICIENT_STOCK when the count is below what is reserved',
  })
  adjustStock(@Body() body: AdjustmentRequest): Promise<PostingResponse> {
    return this.commands.adjust(body);
  }
}

@ApiTags('warehouse')
@Controller('warehouse/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get('thresholds')
  @RequirePermission('warehouse.view')
  @ApiOkResponse({ type: ThresholdPage })
  listThresholds(@Query() query: ThresholdQuery): Promise<ThresholdPage> {
    return this.alerts.thresholds(query);
  }

  @Post('thresholds')
  @RequirePermission('warehouse.update')
  @ApiCreatedResponse({
    type: ThresholdResponse,
    description: 'Created or replaced (one per product × location)',
  })
  setThreshold(@Body() body: SetThresholdRequest): Promise<ThresholdResponse> {
    return this.alerts.setThreshold(body);
  }

  @Delete('thresholds/:id')
  @HttpCode(204)
  @RequirePermission('warehouse.update')
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorBody })
  deleteThreshold(@IdParam() id: string): Promise<void> {
    return this.alerts.removeThreshold(id);
  }

  @Get()
  @RequirePermission('warehouse.view')
  @ApiOkResponse({ type: AlertPage })
  listAlerts(@Query() query: AlertQuery): Promise<AlertPage> {
    return this.alerts.alerts(query);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequirePermission('warehouse.update')
  @ApiOkResponse({ type: AlertResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE: the alert is not OPEN' })
  acknowledgeAlert(@IdParam() id: string, @Body() body: AcknowledgeAlertRequest): Promise<AlertResponse> {
    return this.alerts.acknowledge(id, body.note);
  }
}
