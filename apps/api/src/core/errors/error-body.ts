import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '@kapok/contracts';

/** One invalid field of a 422 VALIDATION_FAILED (`details` is a list of these). */
export class FieldErrorDetail {
  @ApiProperty({ example: 'lines.0.neededQuantity', description: 'Path of the field in the body or query' })
  field: string;
  @ApiProperty({ type: [String], example: ['neededQuantity must be a positive number'] })
  messages: string[];
}

/** One missing quantity of a 409 INSUFFICIENT_STOCK. */
export class ShortageDetail {
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiPropertyOptional({ example: 'FAB-VELBOA-BRN' })
  productCode?: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true })
  locationId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'WH-A-01' })
  locationCode?: string | null;
  @ApiProperty({ format: 'uuid', type: String, nullable: true })
  lotId: string | null;
  @ApiProperty({ example: 12 })
  requested: number;
  @ApiProperty({ example: 7.5 })
  available: number;
  @ApiProperty({ example: 4.5 })
  missing: number;
  @ApiPropertyOptional({ example: 'METER' })
  uom?: string;
}

/** `details` of 409 INSUFFICIENT_STOCK: every line that is short. */
export class ShortageDetails {
  @ApiProperty({ type: [ShortageDetail] })
  shortages: ShortageDetail[];
}

/** `details` of 409 STALE_VERSION: the version now stored; reload it and apply the change again. */
export class StaleVersionDetails {
  @ApiProperty({ type: 'integer', example: 4 })
  currentVersion: number;
}

/** `details` of any other error: named context (the entity and id not found, the current state, …). */
export class ContextDetails {}

/** The one error shape of every answer that is not a success. */
@ApiExtraModels(FieldErrorDetail, ShortageDetails, StaleVersionDetails, ContextDetails)
export class ErrorBody {
  @ApiProperty({ type: 'integer', example: 409 })
  statusCode: number;
  @ApiProperty({
    enum: ERROR_CODES,
    enumName: 'ErrorCode',
    example: 'CONFLICT',
    description: 'Stable UPPER_SNAKE code a program can branch on',
  })
  code: ErrorCode;
  @ApiProperty({ example: 'The card is IN_TRANSIT; it cannot be approved' })
  message: string;
  @ApiPropertyOptional({
    description:
      'Structured context by code: VALIDATION_FAILED a list of fields, INSUFFICIENT_STOCK the shortages, ' +
      'STALE_VERSION the current version, others named facts (entity, id, state)',
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(FieldErrorDetail) } },
      { $ref: getSchemaPath(ShortageDetails) },
      { $ref: getSchemaPath(StaleVersionDetails) },
      { $ref: getSchemaPath(ContextDetails) },
    ],
  })
  details?: FieldErrorDetail[] | ShortageDetails | StaleVersionDetails | Record<string, unknown>;
  @ApiProperty({
    example: '6f1c0a1e-8e0b-4c5e-9d1a-2b3c4d5e6f70',
    description: 'Same as the x-request-id header',
  })
  requestId: string;
}
