import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '@kapok/contracts';

/** The one error shape of every answer that is not a success. */
export class ErrorBody {
  @ApiProperty({ example: 409 })
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
  @ApiPropertyOptional({ description: 'Structured context: fields, missing quantities, current state' })
  details?: unknown;
  @ApiProperty({ example: '6f1c0a1e-8e0b-4c5e-9d1a-2b3c4d5e6f70' })
  requestId: string;
}
