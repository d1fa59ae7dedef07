import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTNER_TYPES, UNITS, type PartnerType, type Unit } from '@kapok/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
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
} from 'class-validator';
import { PageOf, PageQuery } from '../../../core/http/paging.js';
import { MaxDecimals } from '../../../core/http/validators.js';
import { OptionalText, OptionalUuid, RequiredUuid } from '../../warehouse/dto/common.js';
import { toBoolean } from '../../warehouse/dto/product.dto.js';

export class PartnerQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PARTNER_TYPES, enumName: 'PartnerType' })
  @IsOptional()
  @IsIn(PARTNER_TYPES)
  type?: PartnerType;

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

const Days = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, minimum: 0, maximum: 365, description }),
    IsOptional(),
    IsInt(),
    Min(0),
    Max(365),
  );

export class PartnerFields {
  @ApiProperty({ example: 'IKEA Supply AG' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: PARTNER_TYPES, enumName: 'PartnerType' })
  @IsIn(PARTNER_TYPES)
  type: PartnerType;

  @OptionalText(500)
  address?: string;

  @OptionalText(120, 'The person to talk to')
  contact?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @OptionalText(50)
  phone?: string;

  @Days('Customers: days from the factory to the destination port (default 0)')
  transitDays?: number;

  @Days('Suppliers: days from order to receipt (default 14)')
  leadTimeDays?: number;

  @Days('Subcontractors: days they may hold the factory goods before an overdue alert (default 14)')
  subcontractAgreedDays?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreatePartnerRequest extends PartnerFields {
  @ApiProperty({ example: 'IKEA', description: 'Letters, digits, . _ -' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/, {
    message: 'code must be 1–30 letters, digits, dots, dashes or underscores',
  })
  code: string;
}

export class UpdatePartnerRequest extends PartnerFields {
  @ApiProperty({ description: 'The version read; a different current version answers 409 STALE_VERSION' })
  @IsInt()
  @Min(1)
  version: number;
}

export class PartnerResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: PARTNER_TYPES, enumName: 'PartnerType' })
  type: PartnerType;
  @ApiProperty({ type: String, nullable: true })
  address: string | null;
  @ApiProperty({ type: String, nullable: true })
  contact: string | null;
  @ApiProperty({ type: String, nullable: true })
  email: string | null;
  @ApiProperty({ type: String, nullable: true })
  phone: string | null;
  @ApiProperty()
  transitDays: number;
  @ApiProperty()
  leadTimeDays: number;
  @ApiProperty({
    description: 'Subcontractors: days they may hold the factory goods before an overdue alert',
  })
  subcontractAgreedDays: number;
  @ApiProperty()
  active: boolean;
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const PartnerPage = PageOf(PartnerResponse, 'PartnerPage');

/** A partner as other answers name it. */
export class PartnerRef {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
}

export class SupplierItemQuery extends PageQuery {
  @OptionalUuid()
  productId?: string;

  @OptionalUuid()
  supplierId?: string;
}

const OptionalPositive = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, exclusiveMinimum: true, minimum: 0, description }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    MaxDecimals(4),
    IsPositive(),
    Max(99_999_999_999_999),
  );

export class SupplierItemFields {
  @ApiProperty({
    enum: UNITS,
    enumName: 'Unit',
    description: "The purchase unit: any unit convertible to the product's stock unit",
  })
  @IsIn(UNITS)
  uom: Unit;

  @OptionalPositive('Order multiples, in the purchase unit (a roll of 50 YARD: 50)')
  packSize?: number;

  @OptionalPositive('Smallest order, in the purchase unit')
  minimumQuantity?: number;

  @Days("Days from order to receipt; default the supplier's")
  leadTimeDays?: number;

  @ApiPropertyOptional({ default: false, description: 'The one planning buys from; at most one per product' })
  @IsOptional()
  @IsBoolean()
  preferred?: boolean;

  @OptionalText(60, "The supplier's own article code")
  supplierCode?: string;

  @ApiPropertyOptional({ type: Number, minimum: 0, description: 'IDR per purchase unit' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  @Min(0)
  @Max(9_999_999_999_999)
  unitPrice?: number;
}

export class CreateSupplierItemRequest extends SupplierItemFields {
  @RequiredUuid('A SUPPLIER partner')
  supplierId: string;

  @RequiredUuid()
  productId: string;
}

export class UpdateSupplierItemRequest extends SupplierItemFields {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class SupplierItemProduct {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: UNITS, enumName: 'Unit', description: 'The stock unit' })
  uom: Unit;
}

export class SupplierItemResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: PartnerRef })
  supplier: PartnerRef;
  @ApiProperty({ type: SupplierItemProduct })
  product: SupplierItemProduct;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty({ type: Number, nullable: true })
  packSize: number | null;
  @ApiProperty({ type: Number, nullable: true })
  minimumQuantity: number | null;
  @ApiProperty({ type: Number, nullable: true })
  leadTimeDays: number | null;
  @ApiProperty({ description: "The item's lead time, else the supplier's" })
  effectiveLeadTimeDays: number;
  @ApiProperty()
  preferred: boolean;
  @ApiProperty({ type: String, nullable: true })
  supplierCode: string | null;
  @ApiProperty({ type: Number, nullable: true })
  unitPrice: number | null;
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const SupplierItemPage = PageOf(SupplierItemResponse, 'SupplierItemPage');
