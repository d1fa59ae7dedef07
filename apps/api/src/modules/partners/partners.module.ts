import { Module } from '@nestjs/common';
import { PartnersController, SupplierItemsController } from './partners.controller.js';
import { PartnersFacts } from './partners.facts.js';
import { PartnersService } from './partners.service.js';
import { PartnersAuditLinks } from './partners.audit-links.js';

/** Partners and supplier items; `PartnersFacts` is what sales, purchasing and planning read. */
@Module({
  controllers: [PartnersController, SupplierItemsController],
  providers: [PartnersService, PartnersFacts, PartnersAuditLinks],
  exports: [PartnersFacts],
})
export class PartnersModule {}
