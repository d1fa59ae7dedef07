import { Module } from '@nestjs/common';
import { WarehouseModule } from '../warehouse/warehouse.module.js';
import { KanbanCardsController, KanbanRulesController } from './kanban.controller.js';
import { KanbanRulesService } from './kanban-rules.service.js';
import { KanbanService } from './kanban.service.js';
import { BoardCache } from './board.cache.js';

/** E-kanban: cards from request to receipt, and replenishment rules. */
@Module({
  imports: [WarehouseModule],
  controllers: [KanbanCardsController, KanbanRulesController],
  providers: [KanbanService, KanbanRulesService, BoardCache],
})
export class KanbanModule {}
