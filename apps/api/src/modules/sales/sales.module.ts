import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module.js';
import { PeggedOrders } from './pegged-orders.js';
import { SalesOrdersController } from './sales.controller.js';
import { SalesFacts } from './sales.facts.js';
import { SalesService } from './sales.service.js';
import { SalesShipping } from './shipping.facts.js';
import { SalesAuditLinks } from './sales.audit-links.js';

/** Sales orders; `SalesFacts` is what planning reads (demand lines, line references). */
@Module({
  imports: [PartnersModule],
  controllers: [SalesOrdersController],
  providers: [SalesService, SalesFacts, PeggedOrders, SalesShipping, SalesAuditLinks],
  exports: [SalesFacts, SalesShipping],
})
export class SalesModule {}
