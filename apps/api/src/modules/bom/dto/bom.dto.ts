import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BOM_TYPES,
  DEPARTMENTS,
  PRODUCT_TYPES,
  UNITS,
  VARIANT_TYPES,
  type BomType,
  type Department,
  type ProductType,
  type Unit,
  type VariantType,
} from '@kapok/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MaxDecimals } from '../../../core/http/validators.js';
import { PageOf, PageQuery } from '../../../core/http/paging.js';
import { toBoolean } from '../../warehouse/dto/product.dto.js';
import { UserRef } from '../../../core/http/refs.dto.js';

const BomQuantity = () => [
  IsNumber({ allowNaN: false, allowInfinity: false }),
  MaxDecimals(6),
  IsPositive(),
  Max(1_000_000),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

export class BomVariantInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  materialId: string;

  @ApiProperty({ enum: VARIANT_TYPES, enumName: 'VariantType' })
  @IsIn(VARIANT_TYPES)
  variantType: VariantType;

  @ApiProperty({ description: 'Preference order, lower first', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(99)
  sequence: number;

  @ApiPropertyOptional({ description: "Quantity per output unit in the line's unit, when it differs" })
  @IsOptional()
  @apply(BomQuantity())
  neededQuantity?: number;
}

export class BomLineInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  componentId: string;

  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department', description: 'The department that consumes it' })
  @IsIn(DEPARTMENTS)
  department: Department;

  @ApiProperty({ description: 'Per `outputQuantity` units of the product, in `uom`', example: 0.1005 })
  @apply(BomQuantity())
  neededQuantity: number;

  @ApiPropertyOptional({ enum: UNITS, enumName: 'Unit', description: "Default the component's stock unit" })
  @IsOptional()
  @IsIn(UNITS)
  uom?: Unit;

  @ApiPropertyOptional({ minimum: 0, maximum: 99.99, default: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  @Min(0)
  @Max(99.99)
  wastagePercent?: number;

  @ApiPropertyOptional({ type: BomVariantInput, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => BomVariantInput)
  variants?: BomVariantInput[];
}

export class CreateBomRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  productId: string;

  @ApiProperty({ enum: BOM_TYPES, enumName: 'BomType' })
  @IsIn(BOM_TYPES)
  bomType: BomType;

  @ApiPropertyOptional({ default: 1, description: 'The lines make this many units of the product' })
  @IsOptional()
  @apply(BomQuantity())
  outputQuantity?: number;

  @ApiPropertyOptional({ default: 1, description: 'Revision number to start from (when importing)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9999)
  revision?: number;

  @ApiProperty({ type: BomLineInput, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => BomLineInput)
  lines: BomLineInput[];
}

export class UpdateBomRequest extends CreateBomRequest {
  @ApiProperty({
    description: 'Why this revision: shown in the history',
    example: 'Filling reduced to 54 g after QC weight check',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  revisionReason: string;

  @ApiProperty({ description: 'The version you read; a stale one is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class BomQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  productId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Where used: BOMs with a line or variant using this product',
  })
  @IsOptional()
  @IsUUID('all')
  componentId?: string;

  @ApiPropertyOptional({ enum: BOM_TYPES, enumName: 'BomType' })
  @IsOptional()
  @IsIn(BOM_TYPES)
  bomType?: BomType;

  @ApiPropertyOptional({ description: 'Only active BOMs' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  activeOnly?: boolean;

  @ApiPropertyOptional({ description: 'Part of the product code or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class ExplodeQuery {
  @ApiProperty({ example: 450, description: 'How many units of the product to make' })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(4)
  @IsPositive()
  @Max(10_000_000)
  quantity: number;
}

export class BomVariantResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  materialId: string;
  @ApiProperty()
  materialCode: string;
  @ApiProperty()
  materialName: string;
  @ApiProperty({ enum: VARIANT_TYPES, enumName: 'VariantType' })
  variantType: VariantType;
  @ApiProperty()
  sequence: number;
  @ApiProperty({ nullable: true, type: Number })
  neededQuantity: number | null;
}

export class BomLineResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  position: number;
  @ApiProperty({ format: 'uuid' })
  componentId: string;
  @ApiProperty()
  componentCode: string;
  @ApiProperty()
  componentName: string;
  @ApiProperty({ enum: PRODUCT_TYPES, enumName: 'ProductType' })
  componentType: ProductType;
  @ApiProperty({ enum: UNITS, enumName: 'Unit', description: "The component's stock unit" })
  componentUom: Unit;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The active BOM of the component, when it is made in-house',
  })
  componentBomId: string | null;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  department: Department;
  @ApiProperty()
  neededQuantity: number;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty()
  wastagePercent: number;
  @ApiProperty({ type: BomVariantResponse, isArray: true })
  variants: BomVariantResponse[];
}

export class BomResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  productName: string;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  productUom: Unit;
  @ApiProperty({ enum: BOM_TYPES, enumName: 'BomType' })
  bomType: BomType;
  @ApiProperty()
  outputQuantity: number;
  @ApiProperty()
  active: boolean;
  @ApiProperty()
  revision: number;
  @ApiProperty()
  version: number;
  @ApiProperty({ type: BomLineResponse, isArray: true })
  lines: BomLineResponse[];
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class BomSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  productName: string;
  @ApiProperty({ enum: PRODUCT_TYPES, enumName: 'ProductType' })
  productType: ProductType;
  @ApiProperty({ enum: BOM_TYPES, enumName: 'BomType' })
  bomType: BomType;
  @ApiProperty()
  outputQuantity: number;
  @ApiProperty()
  active: boolean;
  @ApiProperty()
  revision: number;
  @ApiProperty()
  version: number;
  @ApiProperty()
  lineCount: number;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department', isArray: true })
  departments: Department[];
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const BomPage = PageOf(BomSummary, 'BomPage');
export type BomPage = InstanceType<typeof BomPage>;

export class BomRevisionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  revision: number;
  @ApiProperty()
  reason: string;
  @ApiProperty({ type: UserRef, nullable: true })
  author: UserRef | null;
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({ type: BomResponse, description: 'The BOM as saved in this revision' })
  snapshot: BomResponse;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class BomRevisionList {
  @ApiProperty({ type: BomRevisionResponse, isArray: true })
  items: BomRevisionResponse[];
  @ApiProperty()
  total: number;
  @ApiProperty()
  skip: number;
  @ApiProperty()
  limit: number;
}

export class RequirementItem {
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  department: Department;
  @ApiProperty({ description: "In the material's stock unit, wastage included" })
  quantity: number;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty({ description: 'Free stock over the warehouse racks' })
  available: number;
  @ApiProperty({ description: 'What is missing for this row after the rows before it' })
  shortage: number;
  @ApiProperty({ description: 'OPTIONAL variants never count as a shortage' })
  optional: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Code of the material this one replaces (an ALTERNATIVE chosen by availability)',
  })
  substitutesFor: string | null;
}

export class ExplosionNode {
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: ['PRODUCT', 'WIP', 'KIT', 'MATERIAL'] })
  kind: 'PRODUCT' | 'WIP' | 'KIT' | 'MATERIAL';
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department', nullable: true, type: String })
  department: Department | null;
  @ApiProperty()
  quantity: number;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty()
  wastagePercent: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  bomId: string | null;
  @ApiProperty({ nullable: true, type: String })
  substitutesFor: string | null;
  @ApiProperty({ type: () => ExplosionNode, isArray: true })
  children: ExplosionNode[];
}

export class ExplosionResponse {
  @ApiProperty({ format: 'uuid' })
  bomId: string;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  revision: number;
  @ApiProperty()
  quantity: number;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty({ type: RequirementItem, isArray: true, description: 'Purchased materials per department' })
  requirements: RequirementItem[];
  @ApiProperty({ description: 'True when some required material is short' })
  hasShortage: boolean;
  @ApiProperty({ type: ExplosionNode })
  tree: ExplosionNode;
}
