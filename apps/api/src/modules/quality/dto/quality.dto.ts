import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AQL_VALUES,
  CODE_LETTERS,
  DEFECT_CODES,
  INSPECTION_TYPES,
  INSPECTION_VERDICTS,
  LAB_TEST_TYPES,
  LIMIT_KINDS,
  LOT_QUALITY_STATUSES,
  QUALITY_ALERT_REASONS,
  QUALITY_ALERT_STATUSES,
  type CodeLetter,
  type DefectCode,
  type InspectionType,
  type InspectionVerdict,
  type LabTestType,
  type LimitKind,
  type LotQualityStatus,
  type QualityAlertReason,
  type QualityAlertStatus,
} from '@kapok/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageOf, PageQuery } from '../../../core/http/paging.js';
import { MaxDecimals, QueryInteger } from '../../../core/http/validators.js';

const toNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

export class SamplingPlanQuery {
  @ApiProperty({ minimum: 1, description: 'Pieces (or units) in the lot' })
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  lotSize: number;

  @ApiPropertyOptional({ enum: AQL_VALUES, default: 2.5, description: 'Acceptance quality limit, percent' })
  @IsOptional()
  @Transform(toNumber)
  @IsIn(AQL_VALUES)
  aql?: number;
}

export class SamplingPlanResponse {
  @ApiProperty()
  lotSize: number;
  @ApiProperty()
  aql: number;
  @ApiProperty({ enum: CODE_LETTERS, enumName: 'CodeLetter' })
  codeLetter: CodeLetter;
  @ApiProperty({ enum: CODE_LETTERS, enumName: 'CodeLetter', description: 'After the table’s arrows' })
  planLetter: CodeLetter;
  @ApiProperty()
  sampleSize: number;
  @ApiProperty({ description: 'Accept the lot with at most this many defective pieces' })
  accept: number;
  @ApiProperty({ description: 'Reject the lot with this many or more' })
  reject: number;
  @ApiProperty({ description: 'The sample is the whole lot' })
  inspectAll: boolean;
}

export class InspectionQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INSPECTION_TYPES, enumName: 'InspectionType' })
  @IsOptional()
  @IsIn(INSPECTION_TYPES)
  type?: InspectionType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  lotId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  workOrderId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  productId?: string;
}

export class DefectCount {
  @ApiProperty({ enum: DEFECT_CODES, enumName: 'DefectCode' })
  @IsIn(DEFECT_CODES)
  code: DefectCode;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity: number;
}

export class CreateInspectionRequest {
  @ApiProperty({ enum: INSPECTION_TYPES, enumName: 'InspectionType' })
  @IsIn(INSPECTION_TYPES)
  type: InspectionType;

  @ApiPropertyOptional({ format: 'uuid', description: 'INCOMING: the quarantined lot' })
  @IsOptional()
  @IsUUID('all')
  lotId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'METAL_DETECTION, STUFFING_WEIGHT, INLINE: the work order',
  })
  @IsOptional()
  @IsUUID('all')
  workOrderId?: string;

  @ApiPropertyOptional({ enum: AQL_VALUES, default: 2.5, description: 'INCOMING: the AQL of the plan' })
  @IsOptional()
  @IsIn(AQL_VALUES)
  aql?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'INCOMING: defective pieces found in the sample' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  defects?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'METAL_DETECTION: pieces that passed the detector' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  passedQuantity?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'METAL_DETECTION: pieces the detector stopped' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  failedQuantity?: number;

  @ApiPropertyOptional({ type: Number, isArray: true, description: 'STUFFING_WEIGHT: weights in grams' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  @IsPositive({ each: true })
  @MaxDecimals(2, { each: true })
  weights?: number[];

  @ApiPropertyOptional({ type: DefectCount, isArray: true, description: 'INLINE: defects by code' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DEFECT_CODES.length)
  @ValidateNested({ each: true })
  @Type(() => DefectCount)
  defectsByCode?: DefectCount[];

  @ApiPropertyOptional({ minimum: 1, description: 'INLINE: pieces looked at' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  sampleSize?: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  notes?: string;
}

export class InspectionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: INSPECTION_TYPES, enumName: 'InspectionType' })
  type: InspectionType;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  lotId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  workOrderId: string | null;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty({ format: 'uuid' })
  inspectorId: string;
  @ApiProperty({ nullable: true, type: String })
  inspectorName: string | null;
  @ApiProperty({ format: 'date-time' })
  inspectedAt: string;
  @ApiProperty({ type: SamplingPlanResponse, nullable: true })
  plan: SamplingPlanResponse | null;
  @ApiProperty({ nullable: true, type: Number })
  sampleSize: number | null;
  @ApiProperty({ nullable: true, type: Number })
  defects: number | null;
  @ApiProperty({ type: DefectCount, isArray: true })
  defectsByCode: DefectCount[];
  @ApiProperty({ nullable: true, type: Number })
  passedQuantity: number | null;
  @ApiProperty({ nullable: true, type: Number })
  failedQuantity: number | null;
  @ApiProperty({ type: Number, isArray: true })
  weights: number[];
  @ApiProperty({ nullable: true, type: Number })
  standardGrams: number | null;
  @ApiProperty({ nullable: true, type: Number })
  toleranceGrams: number | null;
  @ApiProperty({ nullable: true, type: Number })
  meanGrams: number | null;
  @ApiProperty({ nullable: true, type: Number })
  minGrams: number | null;
  @ApiProperty({ nullable: true, type: Number })
  maxGrams: number | null;
  @ApiProperty({ nullable: true, type: Number })
  outOfTolerance: number | null;
  @ApiProperty({ enum: INSPECTION_VERDICTS, enumName: 'InspectionVerdict' })
  verdict: InspectionVerdict;
  @ApiProperty({ nullable: true, type: String })
  notes: string | null;
  @ApiProperty({
    enum: LOT_QUALITY_STATUSES,
    enumName: 'LotQualityStatus',
    nullable: true,
    description: 'INCOMING: the lot’s status after the inspection',
  })
  lotStatus: LotQualityStatus | null;
}

export const InspectionPage = PageOf(InspectionResponse, 'InspectionPage');
export type InspectionPage = InstanceType<typeof InspectionPage>;

export class QualityLotResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  lotNumber: string;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  productName: string;
  @ApiProperty()
  productType: string;
  @ApiProperty()
  uom: string;
  @ApiProperty({ format: 'date-time' })
  receivedAt: string;
  @ApiProperty({ enum: LOT_QUALITY_STATUSES, enumName: 'LotQualityStatus' })
  qualityStatus: LotQualityStatus;
  @ApiProperty({ description: 'On hand over the internal locations, in the stock unit' })
  onHand: number;
  @ApiProperty({
    type: SamplingPlanResponse,
    nullable: true,
    description: 'Material: the incoming plan at AQL 2.5 for its on-hand quantity (whole pieces)',
  })
  samplingPlan: SamplingPlanResponse | null;
}

export class QualityLotQuery {
  @ApiPropertyOptional({ enum: LOT_QUALITY_STATUSES, enumName: 'LotQualityStatus', isArray: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @IsArray()
  @IsIn(LOT_QUALITY_STATUSES, { each: true })
  status?: LotQualityStatus[];
}

export class QualityLotList {
  @ApiProperty({ type: QualityLotResponse, isArray: true })
  items: QualityLotResponse[];
  @ApiProperty()
  total: number;
}

export class LotDecisionRequest {
  @ApiProperty({ minLength: 3, maxLength: 500, description: 'Why (kept in the audit log)' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

export class ReturnLotRequest {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class TestPlanItemDto {
  @ApiProperty({ enum: LAB_TEST_TYPES, enumName: 'LabTestType' })
  @IsIn(LAB_TEST_TYPES)
  testType: LabTestType;

  @ApiProperty({ example: 'EN 71-1', maxLength: 120 })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  standard: string;

  @ApiProperty({ example: 'N', maxLength: 20 })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  unit: string;

  @ApiProperty({ enum: LIMIT_KINDS, enumName: 'LimitKind' })
  @IsIn(LIMIT_KINDS)
  limitKind: LimitKind;

  @ApiProperty({ example: 90 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(4)
  @Min(-1_000_000_000)
  @Max(1_000_000_000)
  limitValue: number;
}

export class PutTestPlanRequest {
  @ApiProperty({
    type: TestPlanItemDto,
    isArray: true,
    description: 'The required tests; empty removes the plan',
  })
  @IsArray()
  @ArrayMaxSize(LAB_TEST_TYPES.length)
  @ValidateNested({ each: true })
  @Type(() => TestPlanItemDto)
  items: TestPlanItemDto[];
}

export class TestPlanResponse {
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  productName: string;
  @ApiProperty({ type: TestPlanItemDto, isArray: true })
  items: TestPlanItemDto[];
}

export class LabTestQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  lotId?: string;
}

/** The text fields of the multipart form (the file is `evidence`). */
export class CreateLabTestRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  lotId: string;

  @ApiProperty({ enum: LAB_TEST_TYPES, enumName: 'LabTestType' })
  @IsIn(LAB_TEST_TYPES)
  testType: LabTestType;

  @ApiProperty({ type: Number })
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(4)
  @Min(-1_000_000_000)
  @Max(1_000_000_000)
  measuredValue: number;

  @ApiProperty({ maxLength: 20, description: 'Must be the plan’s unit' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  unit: string;

  @ApiProperty({ maxLength: 120, example: 'SGS Jakarta' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  lab: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'The report online, instead of a file' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  evidenceUrl?: string;

  @ApiPropertyOptional({ type: 'string', format: 'binary', description: 'PDF, PNG or JPEG, at most 5 MB' })
  evidence?: unknown;
}

export class LabTestResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  lotId: string;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty({ enum: LAB_TEST_TYPES, enumName: 'LabTestType' })
  testType: LabTestType;
  @ApiProperty()
  measuredValue: number;
  @ApiProperty()
  unit: string;
  @ApiProperty()
  standard: string;
  @ApiProperty()
  lab: string;
  @ApiProperty({ enum: LIMIT_KINDS, enumName: 'LimitKind' })
  limitKind: LimitKind;
  @ApiProperty()
  limitValue: number;
  @ApiProperty({ enum: INSPECTION_VERDICTS, enumName: 'InspectionVerdict' })
  verdict: InspectionVerdict;
  @ApiProperty({ nullable: true, type: String })
  evidenceName: string | null;
  @ApiProperty({ nullable: true, type: String })
  evidenceContentType: string | null;
  @ApiProperty({ nullable: true, type: Number })
  evidenceSize: number | null;
  @ApiProperty({ nullable: true, type: String })
  evidenceUrl: string | null;
  @ApiProperty({ nullable: true, type: String })
  testedByName: string | null;
  @ApiProperty({ format: 'date-time' })
  testedAt: string;
  @ApiProperty({
    enum: LOT_QUALITY_STATUSES,
    enumName: 'LotQualityStatus',
    description: 'The lot after this result',
  })
  lotStatus: LotQualityStatus;
}

export class LabTestList {
  @ApiProperty({ type: LabTestResponse, isArray: true })
  items: LabTestResponse[];
  @ApiProperty()
  total: number;
}

export class WeightSeriesQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  productId: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 60 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 60;
}

export class WeightPoint {
  @ApiProperty({ format: 'uuid' })
  inspectionId: string;
  @ApiProperty({ format: 'date-time' })
  inspectedAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  workOrderId: string | null;
  @ApiProperty()
  meanGrams: number;
  @ApiProperty()
  minGrams: number;
  @ApiProperty()
  maxGrams: number;
  @ApiProperty()
  lowerLimitGrams: number;
  @ApiProperty()
  upperLimitGrams: number;
  @ApiProperty()
  outOfTolerance: number;
  @ApiProperty()
  sampleSize: number;
}

export class WeightSeriesResponse {
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty({ nullable: true, type: Number })
  standardWeightGrams: number | null;
  @ApiProperty({ nullable: true, type: Number })
  weightToleranceGrams: number | null;
  @ApiProperty({ type: WeightPoint, isArray: true })
  points: WeightPoint[];
}

export class QualityAlertResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: ['CRITICAL'], description: 'Quality alerts are the SOP’s critical points' })
  level: 'CRITICAL';
  @ApiProperty({ enum: QUALITY_ALERT_REASONS, enumName: 'QualityAlertReason' })
  reason: QualityAlertReason;
  @ApiProperty({ enum: QUALITY_ALERT_STATUSES, enumName: 'QualityAlertStatus' })
  status: QualityAlertStatus;
  @ApiProperty({ format: 'uuid' })
  inspectionId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  workOrderId: string | null;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty({ description: 'The batch (MO) number' })
  reference: string;
  @ApiProperty({ description: 'Pieces that failed' })
  pieces: number;
  @ApiProperty({ format: 'date-time' })
  openedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acknowledgedAt: string | null;
  @ApiProperty({ type: String, nullable: true })
  acknowledgedByName: string | null;
  @ApiProperty({ type: String, nullable: true })
  acknowledgeNote: string | null;
}

export class QualityAlertList {
  @ApiProperty({ type: QualityAlertResponse, isArray: true })
  items: QualityAlertResponse[];
  @ApiProperty()
  total: number;
}

export class QualityAlertQuery {
  @ApiPropertyOptional({ enum: QUALITY_ALERT_STATUSES, enumName: 'QualityAlertStatus' })
  @IsOptional()
  @IsIn(QUALITY_ALERT_STATUSES)
  status?: QualityAlertStatus;
}

export class AcknowledgeQualityAlertRequest {
  @ApiPropertyOptional({ maxLength: 300, description: 'What was done (kept with the alert)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  note?: string;
}
