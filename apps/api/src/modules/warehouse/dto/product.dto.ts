import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FIBRE_ORIGINS,
  PRODUCT_TYPES,
  UNITS,
  type FibreOrigin,
  type ProductType,
  type Unit,
} from '@kapok/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MaxDecimals } from '../../../core/http/validators.js';
import { PageOf } from '../../../core/http/paging.js';
import { SyncPageQuery } from '../../../core/http/list-sync.js';

export const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class UnitConversionDto {
  @ApiProperty({ enum: UNITS, enumName: 'Unit', example: 'CARTON' })
  @IsIn(UNITS)
  uom: Unit;

  @ApiProperty({ description: 'How many stock units one `uom` is (CARTON → 60 PCS)', example: 60 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(6)
  @IsPositive()
  factor: number;
}

/** Fields a product list may be sorted by. */
export const PRODUCT_SORT = ['code', 'name', 'type', 'createdAt', 'updatedAt'] as const;

export class ProductQuery extends SyncPageQuery(PRODUCT_SORT, 'code') {
  @ApiPropertyOptional({ description: 'Exact product code' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  code?: string;

  @ApiPropertyOptional({ enum: PRODUCT_TYPES, enumName: 'ProductType' })
  @IsOptional()
  @IsIn(PRODUCT_TYPES)
  type?: ProductType;

  @ApiPropertyOptional({ description: 'Part of the code or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;
}

export class CreateProductRequest {
  @ApiProperty({ example: 'IKHR504', description: 'Letters, digits, . _ - /' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$/, {
    message: 'code must be 1–50 letters, digits, dots, dashes, slashes or underscores',
  })
  code: string;

  @ApiProperty({ example: 'KOHAIR 7MM RECYCLE D.BROWN' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: PRODUCT_TYPES, enumName: 'ProductType' })
  @IsIn(PRODUCT_TYPES)
  type: ProductType;

  @ApiProperty({ enum: UNITS, enumName: 'Unit', description: 'Stock unit' })
  @IsIn(UNITS)
  uom: Unit;

  @ApiPropertyOptional({ type: UnitConversionDto, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => UnitConversionDto)
  unitConversions?: UnitConversionDto[];

  @ApiPropertyOptional({
    default: 10,
    minimum: 0,
    maximum: 365,
    description: 'Finished goods: working days from MO start to ex-factory (MRP)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  productionLeadDays?: number;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 200,
    description: 'Finished goods: cartons per pallet, for the packing plan (absent keeps it, null clears)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  cartonsPerPallet?: number | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  // Passport fields: absent keeps what is stored (on update), null clears.
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '9503.00',
    description: 'Commodity (HS/CN) code',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}(\.?\d{2}){1,4}$/, { message: 'hsCode must be an HS/CN code such as 9503.00 or 95030070' })
  hsCode?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '3+' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  ageGrade?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Warnings printed on the passport' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(300, { each: true })
  warnings?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Legislation beyond the Toy Safety Regulation (EU) 2025/2509, which every passport names',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  legislation?: string[];

  @ApiPropertyOptional({ type: [String], example: ['EN 71-1:2014+A1:2018', 'EN 71-2:2020', 'EN 71-3:2019'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  harmonisedStandards?: string[];

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'Polyester',
    description: 'Materials: the fibre',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  fibre?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: FIBRE_ORIGINS, enumName: 'FibreOrigin' })
  @IsOptional()
  @IsIn(FIBRE_ORIGINS)
  fibreOrigin?: FibreOrigin | null;
  @ApiPropertyOptional({ default: false, description: 'Receipts arrive in QUARANTINE until inspected' })
  @IsOptional()
  @IsBoolean()
  inspectionRequired?: boolean;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Finished goods: standard stuffed weight in grams (the weight check)',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  @IsPositive()
  @Max(99999999)
  standardWeightGrams?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Allowed ± grams around the standard' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  @Min(0)
  @Max(99999999)
  weightToleranceGrams?: number | null;
}

export class UpdateProductRequest extends CreateProductRequest {
  @ApiPropertyOptional({ description: 'The version you read; a stale one is refused with 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class UnitConversionResponse {
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty()
  factor: number;
}

export class ProductResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: PRODUCT_TYPES, enumName: 'ProductType' })
  type: ProductType;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty({ type: UnitConversionResponse, isArray: true })
  unitConversions: UnitConversionResponse[];
  @ApiProperty({ description: 'Working days from MO start to ex-factory (MRP)' })
  productionLeadDays: number;
  @ApiProperty({ nullable: true, type: 'integer', description: 'Cartons per pallet (packing plan)' })
  cartonsPerPallet: number | null;
  @ApiProperty()
  active: boolean;
  @ApiProperty({ nullable: true, type: String })
  hsCode: string | null;
  @ApiProperty({ nullable: true, type: String })
  ageGrade: string | null;
  @ApiProperty({ type: [String] })
  warnings: string[];
  @ApiProperty({ type: [String] })
  legislation: string[];
  @ApiProperty({ type: [String] })
  harmonisedStandards: string[];
  @ApiProperty({ nullable: true, type: String })
  fibre: string | null;
  @ApiProperty({ nullable: true, enum: FIBRE_ORIGINS, enumName: 'FibreOrigin' })
  fibreOrigin: FibreOrigin | null;
  @ApiProperty({ description: 'Receipts arrive in QUARANTINE until inspected' })
  inspectionRequired: boolean;
  @ApiProperty({ description: 'Batches start in QUARANTINE until their lab tests pass (it has a test plan)' })
  batchReleaseRequired: boolean;
  @ApiProperty({ type: Number, nullable: true })
  standardWeightGrams: number | null;
  @ApiProperty({ type: Number, nullable: true })
  weightToleranceGrams: number | null;
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const ProductPage = PageOf(ProductResponse, 'ProductPage');
export type ProductPage = InstanceType<typeof ProductPage>;
