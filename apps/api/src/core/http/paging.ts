import { type Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryInteger } from './validators.js';

/** `skip` (default 0) and `limit` (default 50, at most 500), as every list of api.md takes them. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: 1_000_000_000, default: 0 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  skip: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;
}

export interface Page<T> {
  items: T[];
  total: number;
  skip: number;
  limit: number;
}

/** A named OpenAPI schema for `{items, total, skip, limit}` of one item type. */
export function PageOf<T>(item: Type<T>, name: string): Type<Page<T>> {
  class PageDto {
    @ApiProperty({ type: item, isArray: true })
    items: T[];
    @ApiProperty()
    total: number;
    @ApiProperty()
    skip: number;
    @ApiProperty()
    limit: number;
  }
  Object.defineProperty(PageDto, 'name', { value: name });
  return PageDto;
}
