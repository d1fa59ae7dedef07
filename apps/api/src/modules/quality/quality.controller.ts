import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import {
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { EVIDENCE_MAX_BYTES } from '@kapok/contracts';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../../core/context/request-context.js';
import { ErrorBody } from '../../core/errors/error-body.js';
import { IdParam } from '../../core/http/id-param.js';
import { CurrentPrincipal } from '../../core/permissions/current-principal.decorator.js';
import { RequirePermission } from '../../core/permissions/route-access.decorators.js';
import {
  CreateInspectionRequest,
  CreateLabTestRequest,
  InspectionPage,
  InspectionQuery,
  InspectionResponse,
  LabTestList,
  LabTestQuery,
  LabTestResponse,
  LotDecisionRequest,
  PutTestPlanRequest,
  QualityLotList,
  QualityLotQuery,
  QualityLotResponse,
  ReturnLotRequest,
  SamplingPlanQuery,
  SamplingPlanResponse,
  TestPlanResponse,
  WeightSeriesQuery,
  WeightSeriesResponse,
  AcknowledgeQualityAlertRequest,
  QualityAlertList,
  QualityAlertQuery,
  QualityAlertResponse,
} from './dto/quality.dto.js';
import { InspectionsService, toQualityLot } from './inspections.service.js';
import { LabTestsService } from './lab-tests.service.js';
import { LotDecisions } from './lot-decisions.js';
import { QualityAlerts } from './quality-alerts.service.js';
import { WeightSeries } from './weight-series.js';

@ApiTags('quality')
@Controller('quality')
export class QualityController {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly labTests: LabTestsService,
    private readonly decisions: LotDecisions,
    private readonly weights: WeightSeries,
    private readonly alerts: QualityAlerts,
  ) {}

  /** CRITICAL alerts (metal found in a toy), newest first. */
  @Get('alerts')
  @RequirePermission('quality.view')
  @ApiOkResponse({ type: QualityAlertList })
  listQualityAlerts(@Query() query: QualityAlertQuery): Promise<QualityAlertList> {
    return this.alerts.list(query.status);
  }

  @Post('alerts/:id/acknowledge')
  @HttpCode(200)
  @RequirePermission('quality.create')
  @ApiOkResponse({ type: QualityAlertResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE: already acknowledged' })
  acknowledgeQualityAlert(
    @IdParam() id: string,
    @Body() body: AcknowledgeQualityAlertRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<QualityAlertResponse> {
    return this.alerts.acknowledge(id, body.note, principal);
  }

  /** ISO 2859-1, single sampling, normal inspection, general level II. */
  @Get('sampling-plan')
  @RequirePermission('quality.view')
  @ApiOkResponse({ type: SamplingPlanResponse })
  getSamplingPlan(@Query() query: SamplingPlanQuery): SamplingPlanResponse {
    return this.inspections.plan(query.lotSize, query.aql);
  }

  @Get('lots')
  @RequirePermission('quality.view')
  @ApiOkResponse({ type: QualityLotList, description: 'Lots with stock, by status (default QUARANTINE)' })
  listQualityLots(@Query() query: QualityLotQuery): Promise<QualityLotList> {
    return this.inspections.lots(query.status);
  }

  @Post('lots/:lotId/release')
  @HttpCode(200)
  @RequirePermission('quality.approve')
  @ApiOkResponse({ type: QualityLotResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE: already released' })
  async releaseLot(
    @IdParam('lotId') lotId: string,
    @Body() body: LotDecisionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<QualityLotResponse> {
    return toQualityLot(await this.decisions.decide(lotId, 'release', body.reason, principal));
  }

  @Post('lots/:lotId/block')
  @HttpCode(200)
  @RequirePermission('quality.approve')
  @ApiOkResponse({ type: QualityLotResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE: already blocked or rejected' })
  async blockLot(
    @IdParam('lotId') lotId: string,
    @Body() body: LotDecisionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<QualityLotResponse> {
    return toQualityLot(await this.decisions.decide(lotId, 'block', body.reason, principal));
  }

  /** A rejected lot back to its supplier: its stock moves to the SUPPLIER location. */
  @Post('lots/:lotId/return')
  @HttpCode(200)
  @RequirePermission('quality.update')
  @ApiOkResponse({ type: QualityLotResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE: not rejected, or nothing left' })
  returnLot(@IdParam('lotId') lotId: string, @Body() body: ReturnLotRequest): Promise<QualityLotResponse> {
    return this.inspections.returnToSupplier(lotId, body.note);
  }

  @Get('inspections')
  @RequirePermission('quality.view')
  @ApiOkResponse({ type: InspectionPage })
  listInspections(@Query() query: InspectionQuery): Promise<InspectionPage> {
    return this.inspections.list(query);
  }

  @Post('inspections')
  @RequirePermission('quality.create')
  @ApiCreatedResponse({ type: InspectionResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE, NO_STANDARD_WEIGHT' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'VALIDATION_FAILED, NOT_FINISHING' })
  createInspection(
    @Body() body: CreateInspectionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InspectionResponse> {
    return this.inspections.create(body, principal);
  }

  @Get('inspections/:id')
  @RequirePermission('quality.view')
  @ApiOkResponse({ type: InspectionResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  getInspection(@IdParam() id: string): Promise<InspectionResponse> {
    return this.inspections.get(id);
  }

  /** Stuffing weights of an article over time: mean, min, max against its limits (the chart). */
  @Get('weights')
  @RequirePermission('quality.view')
  @ApiOkResponse({ type: WeightSeriesResponse })
  getWeightSeries(@Query() query: WeightSeriesQuery): Promise<WeightSeriesResponse> {
    return this.weights.series(query.productId, query.limit);
  }

  @Get('test-plans/:productId')
  @RequirePermission('quality.view')
  @ApiOkResponse({ type: TestPlanResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  getTestPlan(@IdParam('productId') productId: string): Promise<TestPlanResponse> {
    return this.labTests.plan(productId);
  }

  @Put('test-plans/:productId')
  @RequirePermission('quality.update')
  @ApiOkResponse({ type: TestPlanResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiUnprocessableEntityResponse({ type: ErrorBody })
  putTestPlan(
    @IdParam('productId') productId: string,
    @Body() body: PutTestPlanRequest,
  ): Promise<TestPlanResponse> {
    return this.labTests.putPlan(productId, body);
  }

  @Get('lab-tests')
  @RequirePermission('quality.view')
  @ApiOkResponse({ type: LabTestList })
  listLabTests(@Query() query: LabTestQuery): Promise<LabTestList> {
    return this.labTests.list(query.lotId);
  }

  @Post('lab-tests')
  @RequirePermission('quality.create')
  @UseInterceptors(FileInterceptor('evidence', { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiCreatedResponse({ type: LabTestResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'NO_TEST_PLAN' })
  @ApiPayloadTooLargeResponse({ type: ErrorBody, description: 'The evidence is over 5 MB' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorBody, description: 'The evidence is not a PDF, PNG or JPEG' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'VALIDATION_FAILED, NOT_IN_TEST_PLAN' })
  createLabTest(
    @Body() body: CreateLabTestRequest,
    @UploadedFile() file: UploadedMultipartFile | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LabTestResponse> {
    const evidence = file?.buffer ? { buffer: file.buffer, originalname: file.originalname } : undefined;
    return this.labTests.create(body, evidence, principal);
  }

  @Get('lab-tests/:id/evidence')
  @RequirePermission('quality.view')
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'The evidence file' })
  @ApiNotFoundResponse({ type: ErrorBody })
  async getLabTestEvidence(@IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.labTests.evidence(id);
    reply
      .header('content-type', file.contentType)
      .header('content-disposition', `inline; filename="${file.name.replace(/[^\w.-]/g, '_')}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.buffer);
  }
}
