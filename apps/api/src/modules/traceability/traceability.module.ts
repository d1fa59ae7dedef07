import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module.js';
import { TraceController } from './trace.controller.js';
import { TraceService } from './trace.service.js';

/** Traceability: the ledger walk of the warehouse, named with the documents of their owners. */
@Module({
  imports: [PartnersModule],
  controllers: [TraceController],
  providers: [TraceService],
  exports: [TraceService],
})
export class TraceabilityModule {}
