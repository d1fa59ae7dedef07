import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module.js';
import { PpicModule } from '../ppic/ppic.module.js';
import { WarehouseModule } from '../warehouse/warehouse.module.js';
import { GatePassesService } from './gate-passes.service.js';
import { SubconOverdue } from './overdue.js';
import { SubconAlerts } from './subcon-alerts.js';
import { SubconAuditLinks } from './subcon.audit-links.js';
import { SubconController } from './subcon.controller.js';
import { SubconDocuments } from './subcon.documents.js';

/** The subcontract route (ROUTE_3): gate passes out and in, consignment stock, overdue alerts. */
@Module({
  imports: [PartnersModule, PpicModule, WarehouseModule],
  controllers: [SubconController],
  providers: [GatePassesService, SubconDocuments, SubconOverdue, SubconAlerts, SubconAuditLinks],
  exports: [GatePassesService],
})
export class SubconModule {}
