import { Module, type OnModuleInit } from '@nestjs/common';
import { BomModule } from '../bom/bom.module.js';
import { BomUsageRegistry } from '../bom/bom-usage.registry.js';
import { WarehouseModule } from '../warehouse/warehouse.module.js';
import { DashboardService } from './dashboard/dashboard.service.js';
import { MoTransitions } from './orders/mo-transitions.service.js';
import { MoService } from './orders/mo.service.js';
import {
  DashboardController,
  MoBatchController,
  MoController,
  ProductionController,
} from './ppic.controllers.js';
import { HandoverChecks } from './production/handover-checks.js';
import { SubcontractedWork } from './production/subcontracted-work.js';
import { WorkOrdersService } from './production/work-orders.service.js';
import { PpicAuditLinks } from './ppic.audit-links.js';

/** PPIC and production: manufacturing orders, work orders, handovers, the MO dashboard. */
@Module({
  imports: [WarehouseModule, BomModule],
  controllers: [MoBatchController, DashboardController, MoController, ProductionController],
  providers: [
    MoService,
    MoTransitions,
    WorkOrdersService,
    DashboardService,
    PpicAuditLinks,
    HandoverChecks,
    SubcontractedWork,
  ],
  exports: [MoService, HandoverChecks, SubcontractedWork],
})
export class PpicModule implements OnModuleInit {
  constructor(private readonly bomUsage: BomUsageRegistry) {}

  /** A BOM frozen onto an APPROVED or IN_PROGRESS order cannot be deleted. */
  onModuleInit(): void {
    this.bomUsage.register(async (m, bomId) => {
      const rows: Array<{ batch_number: string }> = await m.query(
        `select batch_number from manufacturing_orders where bom_id = $1 and state in ('APPROVED', 'IN_PROGRESS') order by batch_number`,
        [bomId],
      );
      return rows.map((r) => r.batch_number);
    });
  }
}
