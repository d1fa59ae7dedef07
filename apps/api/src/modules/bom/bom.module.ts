import { Module } from '@nestjs/common';
import { BomExplosionService } from './bom-explosion.service.js';
import { BomUsageRegistry } from './bom-usage.registry.js';
import { BomController } from './bom.controller.js';
import { BomService } from './bom.service.js';
import { WarehouseModule } from '../warehouse/warehouse.module.js';
import { BomAuditLinks } from './bom.audit-links.js';

/** Bills of materials: lines per department, variants, revisions, explosion. */
@Module({
  imports: [WarehouseModule],
  controllers: [BomController],
  providers: [BomService, BomExplosionService, BomUsageRegistry, BomAuditLinks],
  exports: [BomService, BomExplosionService, BomUsageRegistry],
})
export class BomModule {}
