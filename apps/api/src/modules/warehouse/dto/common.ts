import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UNITS } from '@kapok/contracts';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { BoundedDate, MaxDecimals } from '../../../core/http/validators.js';

const MAX_QUANTITY = 99_999_999_999_999;

/** A quantity > 0 with at most 4 decimals. */
export const PositiveQuantity = (description?: string) =>
  applyDecorators(
    ApiProperty({ type: Number, exclusiveMinimum: true, minimum: 0, example: 12.5, description }),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    MaxDecimals(4),
    IsPositive(),
    Max(MAX_QUANTITY),
  );

/** A quantity ≥ 0 with at most 4 decimals. */
export const NonNegativeQuantity = (description?: string) =>
  applyDecorators(
    ApiProperty({ type: Number, minimum: 0, example: 40, description }),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    MaxDecimals(4),
    Min(0),
    Max(MAX_QUANTITY),
  );

export const OptionalUnit = () =>
  applyDecorators(
    ApiPropertyOptional({
      enum: UNITS,
      enumName: 'Unit',
      description: "Unit the quantity is entered in; default the product's stock unit",
    }),
    IsOptional(),
    IsIn(UNITS),
  );

export const OptionalUuid = (description?: string) =>
  applyDecorators(ApiPropertyOptional({ format: 'uuid', description }), IsOptional(), IsUUID('all'));

export const RequiredUuid = (description?: string) =>
  applyDecorators(ApiProperty({ format: 'uuid', description }), IsUUID('all'));

export const OptionalText = (max: number, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: max, description }),
    IsOptional(),
    IsString(),
    MaxLength(max),
  );

export const OptionalDate = (description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date-time', description }),
    IsOptional(),
    BoundedDate(),
  );
