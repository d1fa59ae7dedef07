import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';

export class CompanyRequest {
  @ApiProperty({ example: 'PT Boneka Kapok Indonesia' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  legalName: string;

  @ApiProperty({ example: 'Jl. Industri Raya 12, Cikarang, Bekasi 17530, Indonesia' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  address: string;

  @ApiProperty({ description: 'Unique operator identifier (e.g. an EORI number)', example: 'ID123456789000' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{1,59}$/, {
    message: 'operatorId must be 2–60 letters, digits, dots, dashes, slashes or underscores',
  })
  operatorId: string;

  @ApiProperty({ example: 'compliance@kapok.example' })
  @IsEmail()
  @MaxLength(200)
  contactEmail: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '+62 21 555 0100' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ()-]{5,40}$/, { message: 'contactPhone must be digits, spaces, dashes or brackets' })
  contactPhone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://kapok.example' })
  @IsOptional()
  @IsString()
  @Matches(/^https:\/\/[^\s]{3,190}$/, { message: 'website must be an https:// address' })
  website?: string | null;

  @ApiPropertyOptional({ description: 'The version you read; a stale one is refused with 409' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

/** The company's settings; every field is null (version 0) until they are first saved. */
export class CompanyResponse {
  @ApiProperty({ nullable: true, type: String })
  legalName: string | null;
  @ApiProperty({ nullable: true, type: String })
  address: string | null;
  @ApiProperty({ nullable: true, type: String })
  operatorId: string | null;
  @ApiProperty({ nullable: true, type: String })
  contactEmail: string | null;
  @ApiProperty({ nullable: true, type: String })
  contactPhone: string | null;
  @ApiProperty({ nullable: true, type: String })
  website: string | null;
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  updatedAt: string | null;
}
