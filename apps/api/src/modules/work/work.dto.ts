import { ApiProperty } from '@nestjs/swagger';
import {
  DEPARTMENTS,
  UNITS,
  WORK_ITEM_KINDS,
  WORK_SECTIONS,
  type Department,
  type Unit,
  type WorkItemKind,
  type WorkSectionKey,
} from '@kapok/contracts';

export class WorkItem {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: WORK_ITEM_KINDS, enumName: 'WorkItemKind' })
  kind: WorkItemKind;
  @ApiProperty({ description: 'Batch, card, handover or rack number people know it by' })
  number: string;
  @ApiProperty({ nullable: true, type: String })
  productCode: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'What is to do, in `uom`' })
  quantity: number | null;
  @ApiProperty({ enum: UNITS, enumName: 'Unit', nullable: true })
  uom: Unit | null;
  @ApiProperty({ description: 'Its state (or alert level)' })
  state: string;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department', nullable: true })
  department: Department | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Due, needed by, or opened',
  })
  at: string | null;
}

export class WorkSection {
  @ApiProperty({ enum: WORK_SECTIONS, enumName: 'WorkSectionKey' })
  key: WorkSectionKey;
  @ApiProperty({ description: 'How many are waiting in all' })
  count: number;
  @ApiProperty({ type: WorkItem, isArray: true, description: 'The most pressing few' })
  items: WorkItem[];
}

export class MyWorkResponse {
  @ApiProperty({
    type: WorkSection,
    isArray: true,
    description: 'Only the sections this user works, in a fixed order; empty ones included',
  })
  sections: WorkSection[];
}
