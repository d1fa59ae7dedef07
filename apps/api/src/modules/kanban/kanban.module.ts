import { Module } from '@nestjs/common';
import { WarehouseModule } from '../warehouse/warehouse.module.js';
import { KanbanCardsController, KanbanRulesController } from './kanban.controller.js';
import { KanbanRulesService } from './kanban-rules.service.js';
import { KanbanService } from './kanban.service.js';

/** E-kanban: cards from request to receipt, and replenishment rules. */
@Module({
  imports: [WarehouseModule],
  controllers: [KanbanCardsController, KanbanRulesController],
  providers: [KanbanService, KanbanRulesService],
})
export class KanbanModule {}
