import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module.js';
import { WarehouseModule } from '../warehouse/warehouse.module.js';
import { PurchaseOrdersController } from './purchasing.controller.js';
import { PurchasingFacts } from './purchasing.facts.js';
import { PurchasingService } from './purchasing.service.js';
import { PurchasingAuditLinks } from './purchasing.audit-links.js';

/**
 * Purchase orders and receipts (GRN). Exports `PurchasingFacts` (open lines for planning) and
 * `PurchasingService.createDraft` (planning's release writes DRAFT POs through it).
 */
@Module({
  imports: [PartnersModule, WarehouseModule],
  controllers: [PurchaseOrdersController],
  providers: [PurchasingService, PurchasingFacts, PurchasingAuditLinks],
  exports: [PurchasingFacts, PurchasingService],
})
export class PurchasingModule {}
