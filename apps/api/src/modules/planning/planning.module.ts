import { Module } from '@nestjs/common';
import { PpicModule } from '../ppic/ppic.module.js';
import { MrpReleaseService } from './mrp/mrp-release.service.js';
import { MrpService } from './mrp/mrp.service.js';
import { PlanningController } from './planning.controller.js';

/** Planning: the MRP run, its result and the release of planned orders. */
@Module({
  imports: [PpicModule],
  controllers: [PlanningController],
  providers: [MrpService, MrpReleaseService],
})
export class PlanningModule {}
