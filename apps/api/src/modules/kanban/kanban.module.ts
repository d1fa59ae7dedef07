import { Module } from '@nestjs/common';
import { WarehouseModule } from '../warehouse/warehouse.module.js';
import { KanbanCardsController, KanbanRulesController } from './kanban.controller.js';
import { KanbanRulesService } from './kanban-rules.service.js';
import { KanbanService } from './kanban.service.js';
import { BoardCache } from './board.cache.js';
import { KanbanAuditLinks } from './kanban.audit-links.js';

/** E-kanban: cards from request to receipt, and replenishment rules. */
@Module({
  imports: [WarehouseModule],
  controllers: [KanbanCardsController, KanbanRulesController],
  providers: [KanbanService, KanbanRulesService, BoardCache, KanbanAuditLinks],
})
export class KanbanModule {}
