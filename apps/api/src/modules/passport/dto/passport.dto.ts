import { ApiProperty } from '@nestjs/swagger';
import { FIBRE_ORIGINS, type FibreOrigin } from '@kapok/contracts';

/** The passport of a lot as staff see it: its code and public address. */
export class PassportIssueResponse {
  @ApiProperty({ format: 'uuid' })
  lotId: string;
  @ApiProperty({ description: '128 random bits, base64url' })
  code: string;
  @ApiProperty({
    description: 'The public page, relative to the site: what the QR code holds',
    example: '/passport/…',
  })
  path: string;
  @ApiProperty({ format: 'date-time' })
  issuedAt: string;
}

export class PassportProduct {
  @ApiProperty({ description: 'Article code' })
  code: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ nullable: true, type: String, description: 'Relative URL of the article image' })
  imageUrl: string | null;
}

export class PassportOperator {
  @ApiProperty()
  legalName: string;
  @ApiProperty()
  address: string;
  @ApiProperty({ description: 'Unique operator identifier' })
  operatorId: string;
  @ApiProperty()
  contactEmail: string;
  @ApiProperty({ nullable: true, type: String })
  contactPhone: string | null;
  @ApiProperty({ nullable: true, type: String })
  website: string | null;
}

export class PassportBatch {
  @ApiProperty()
  lotNumber: string;
  @ApiProperty({ example: '2026-W49' })
  productionWeek: string;
}

export class PassportLabTest {
  @ApiProperty()
  type: string;
  @ApiProperty()
  standard: string;
  @ApiProperty()
  result: string;
  @ApiProperty({ format: 'date' })
  date: string;
}

export class PassportMaterial {
  @ApiProperty({ description: 'The material (component) name' })
  component: string;
  @ApiProperty()
  fibre: string;
  @ApiProperty({ enum: FIBRE_ORIGINS, enumName: 'FibreOrigin', nullable: true })
  origin: FibreOrigin | null;
}

/** The public Digital Product Passport of one batch: nothing beyond what is listed here. */
export class PassportResponse {
  @ApiProperty()
  code: string;
  @ApiProperty({ type: PassportProduct })
  product: PassportProduct;
  @ApiProperty({ type: PassportOperator, nullable: true, description: 'Manufacturer and economic operator' })
  manufacturer: PassportOperator | null;
  @ApiProperty({ type: PassportBatch })
  batch: PassportBatch;
  @ApiProperty({ nullable: true, type: String, description: 'Commodity (HS/CN) code' })
  hsCode: string | null;
  @ApiProperty({ nullable: true, type: String })
  ageGrade: string | null;
  @ApiProperty({ type: [String] })
  warnings: string[];
  @ApiProperty({ type: [String], description: 'The Toy Safety Regulation first' })
  legislation: string[];
  @ApiProperty({ type: [String] })
  standards: string[];
  @ApiProperty({ type: [PassportLabTest], description: 'Lab tests the batch passed' })
  labTests: PassportLabTest[];
  @ApiProperty({
    type: [PassportMaterial],
    description: 'Fibres of the materials the batch was made of (trace)',
  })
  composition: PassportMaterial[];
  @ApiProperty({ format: 'date-time' })
  issuedAt: string;
}
