import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module.js';
import { SalesModule } from '../sales/sales.module.js';
import { WarehouseModule } from '../warehouse/warehouse.module.js';
import { ShippingController } from './shipping.controller.js';
import { ShippingDocuments } from './shipping.documents.js';
import { ShippingService } from './shipping.service.js';
import { ShippingAuditLinks } from './shipping.audit-links.js';

/** Shipments of finished goods against sales orders, with their packing plan and printed documents. */
@Module({
  imports: [PartnersModule, SalesModule, WarehouseModule],
  controllers: [ShippingController],
  providers: [ShippingService, ShippingDocuments, ShippingAuditLinks],
})
export class ShippingModule {}
