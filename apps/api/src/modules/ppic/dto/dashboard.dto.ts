import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEPARTMENTS, MO_STATES, type Department, type MoState } from '@kapok/contracts';
import { IsISO8601, IsOptional } from 'class-validator';
import { DateInRange } from '../../../core/http/validators.js';

export class PeriodQuery {
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    description: 'First day (Asia/Jakarta); default 30 days ago',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @DateInRange()
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date', description: 'Last day, inclusive; default today' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @DateInRange()
  to?: string;
}

export class StateCount {
  @ApiProperty({ enum: MO_STATES, enumName: 'MoState' })
  state: MoState;
  @ApiProperty()
  count: number;
}

export class DepartmentWip {
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  department: Department;
  @ApiProperty({ description: 'Work orders ready or in progress' })
  activeOrders: number;
  @ApiProperty({ description: 'Pieces received and not processed yet' })
  queuedQuantity: number;
  @ApiProperty({ description: 'Good pieces made and not handed over yet' })
  awaitingHandoverQuantity: number;
}

export class LateOrder {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  batchNumber: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty({ enum: MO_STATES, enumName: 'MoState' })
  state: MoState;
  @ApiProperty({ type: String, format: 'date' })
  dueDate: string;
  @ApiProperty()
  daysLate: number;
  @ApiProperty()
  plannedQuantity: number;
}

export class OverviewResponse {
  @ApiProperty({ type: StateCount, isArray: true })
  byState: StateCount[];
  @ApiProperty({ type: DepartmentWip, isArray: true })
  wipByDepartment: DepartmentWip[];
  @ApiProperty()
  lateCount: number;
  @ApiProperty({ type: LateOrder, isArray: true, description: 'The 20 latest by due date' })
  late: LateOrder[];
}

export class DailyThroughput {
  @ApiProperty({ type: String, format: 'date' })
  day: string;
  @ApiProperty()
  produced: number;
  @ApiProperty()
  completedOrders: number;
}

export class PerformanceResponse {
  @ApiProperty({ type: String, format: 'date' })
  from: string;
  @ApiProperty({ type: String, format: 'date' })
  to: string;
  @ApiProperty()
  completedOrders: number;
  @ApiProperty()
  plannedQuantity: number;
  @ApiProperty()
  producedQuantity: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'produced / planned of the orders completed in the period',
  })
  planAttainment: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'good / (good + reject) of the outputs recorded in the period',
  })
  yield: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'share of completed orders finished on or before their due date',
  })
  onTimeRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'average hours from start to completion' })
  averageCycleHours: number | null;
  @ApiProperty({ type: DailyThroughput, isArray: true })
  throughput: DailyThroughput[];
}

export class DepartmentLoad {
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  department: Department;
  @ApiProperty({ description: 'Pieces waiting in front of the department now' })
  queuedQuantity: number;
  @ApiProperty({ description: 'Open work orders waiting for or at the department now' })
  queuedOrders: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Average hours from ready to started' })
  averageWaitHours: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Average hours from started to done' })
  averageProcessingHours: number | null;
  @ApiProperty({ description: 'Share of the period with at least one work order in progress' })
  utilisation: number;
}

export class BottlenecksResponse {
  @ApiProperty({ type: String, format: 'date' })
  from: string;
  @ApiProperty({ type: String, format: 'date' })
  to: string;
  @ApiProperty({ type: DepartmentLoad, isArray: true })
  departments: DepartmentLoad[];
  @ApiProperty({
    enum: DEPARTMENTS,
    enumName: 'Department',
    nullable: true,
    type: String,
    description: 'Where work waits longest (then: most queued)',
  })
  bottleneck: Department | null;
}
