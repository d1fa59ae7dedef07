import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module.js';
import { PpicModule } from '../ppic/ppic.module.js';
import { PurchasingModule } from '../purchasing/purchasing.module.js';
import { SalesModule } from '../sales/sales.module.js';
import { MrpReleaseService } from './mrp/mrp-release.service.js';
import { MrpProgressBoard } from './mrp/mrp-progress.board.js';
import { MrpService } from './mrp/mrp.service.js';
import { PlanningController } from './planning.controller.js';
import { PlanningAuditLinks } from './planning.audit-links.js';

/** Planning: the MRP run, its result and the release of planned orders. */
@Module({
  imports: [PpicModule, SalesModule, PurchasingModule, PartnersModule],
  controllers: [PlanningController],
  providers: [MrpService, MrpReleaseService, MrpProgressBoard, PlanningAuditLinks],
})
export class PlanningModule {}
