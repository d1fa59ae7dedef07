import { Module } from '@nestjs/common';
import { PpicModule } from '../ppic/ppic.module.js';
import { WarehouseModule } from '../warehouse/warehouse.module.js';
import { EscalationScheduler } from './escalation.js';
import { LineCommandsService } from './line-commands.service.js';
import { LineControlService } from './line-control.service.js';
import { LineOccupancyReader } from './line-occupancy.js';
import { LineViews } from './line-views.js';
import { ProductionControlAuditLinks } from './production-control.audit-links.js';
import { ProductionControlController } from './production-control.controller.js';

/** Shop-floor control (issue 17): line occupancy, clearance, segregation, escalation. */
@Module({
  imports: [WarehouseModule, PpicModule],
  controllers: [ProductionControlController],
  providers: [
    LineOccupancyReader,
    LineViews,
    LineControlService,
    LineCommandsService,
    EscalationScheduler,
    ProductionControlAuditLinks,
  ],
})
export class ProductionControlModule {}
