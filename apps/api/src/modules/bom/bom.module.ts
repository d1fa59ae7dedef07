import { Module } from '@nestjs/common';
import { BomExplosionService } from './bom-explosion.service.js';
import { BomUsageRegistry } from './bom-usage.registry.js';
import { BomController } from './bom.controller.js';
import { BomService } from './bom.service.js';
import { WarehouseModule } from '../warehouse/warehouse.module.js';

/** Bills of materials: lines per department, variants, revisions, explosion. */
@Module({
  imports: [WarehouseModule],
  controllers: [BomController],
  providers: [BomService, BomExplosionService, BomUsageRegistry],
  exports: [BomService, BomExplosionService, BomUsageRegistry],
})
export class BomModule {}
