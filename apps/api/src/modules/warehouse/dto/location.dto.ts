import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEPARTMENTS,
  LOCATION_TYPES,
  LOT_QUALITY_STATUSES,
  type Department,
  type LocationType,
  type LotQualityStatus,
} from '@kapok/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageOf, PageQuery } from '../../../core/http/paging.js';
import { toBoolean } from './product.dto.js';
import { OptionalDate, OptionalText, OptionalUuid, RequiredUuid } from './common.js';

export class LocationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LOCATION_TYPES, enumName: 'LocationType' })
  @IsOptional()
  @IsIn(LOCATION_TYPES)
  type?: LocationType;

  @ApiPropertyOptional({ enum: DEPARTMENTS, enumName: 'Department' })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department;

  @ApiPropertyOptional({ description: 'Part of the code or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class CreateLocationRequest {
  @ApiProperty({ example: 'WH-RAW-A1' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$/, {
    message: 'code must be 1–50 letters, digits, dots, dashes, slashes or underscores',
  })
  code: string;

  @ApiProperty({ example: 'Rak A1 — fabric' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiProperty({ enum: LOCATION_TYPES, enumName: 'LocationType' })
  @IsIn(LOCATION_TYPES)
  type: LocationType;

  @ApiPropertyOptional({
    enum: DEPARTMENTS,
    enumName: 'Department',
    description: 'Required for LINE and TRANSIT, refused otherwise',
  })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department;

  @ApiPropertyOptional({ description: 'The one WAREHOUSE location that holds finished goods' })
  @IsOptional()
  @IsBoolean()
  isFinishedGoods?: boolean;
}

export class UpdateLocationRequest {
  @ApiPropertyOptional({ example: 'Rak A1 — plush fabric' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ description: 'An inactive location takes no new stock in pickers; its stock stays' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class LocationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: LOCATION_TYPES, enumName: 'LocationType' })
  type: LocationType;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department', nullable: true, type: String })
  department: Department | null;
  @ApiProperty()
  isFinishedGoods: boolean;
  @ApiProperty({
    description: 'WAREHOUSE, LINE, TRANSIT and SUBCONTRACTOR hold stock; the others are virtual',
  })
  internal: boolean;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'SUBCONTRACTOR locations: the subcontractor (partner) holding the goods on consignment',
  })
  partnerId: string | null;
  @ApiProperty()
  active: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const LocationPage = PageOf(LocationResponse, 'LocationPage');
export type LocationPage = InstanceType<typeof LocationPage>;

export class LotQuery extends PageQuery {
  @OptionalUuid()
  productId?: string;

  @ApiPropertyOptional({ description: 'Part of the lot number' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  search?: string;

  @ApiPropertyOptional({ description: 'Only lots with stock on hand' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  inStock?: boolean;
}

export class CreateLotRequest {
  @RequiredUuid()
  productId: string;

  @ApiProperty({ example: 'LOT-PO2611-IKHR504-01' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,59}$/, {
    message: 'lotNumber must be 1–60 letters, digits, dots, dashes, slashes or underscores',
  })
  lotNumber: string;

  @OptionalDate('When the lot arrived (FIFO order); default now')
  receivedAt?: Date;

  @OptionalText(120, 'Supplier delivery note or roll number')
  supplierReference?: string;
}

export class LotResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  lotNumber: string;
  @ApiProperty({ format: 'date-time' })
  receivedAt: string;
  @ApiProperty({ nullable: true, type: String })
  supplierReference: string | null;
  @ApiProperty({ description: 'On hand over all locations' })
  onHand: number;
  @ApiProperty({ enum: LOT_QUALITY_STATUSES, enumName: 'LotQualityStatus' })
  qualityStatus: LotQualityStatus;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const LotPage = PageOf(LotResponse, 'LotPage');
export type LotPage = InstanceType<typeof LotPage>;
