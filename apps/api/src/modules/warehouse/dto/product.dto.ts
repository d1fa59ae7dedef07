import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PRODUCT_TYPES, UNITS, type ProductType, type Unit } from '@kapok/contracts';
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
import { PageOf, PageQuery } from '../../../core/http/paging.js';

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

export class ProductQuery extends PageQuery {
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

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
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
  @ApiProperty()
  active: boolean;
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const ProductPage = PageOf(ProductResponse, 'ProductPage');
export type ProductPage = InstanceType<typeof ProductPage>;
