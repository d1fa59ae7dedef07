import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './core/config/config.js';
import { CoreModule } from './core/core.module.js';
import { dataSourceOptions } from './core/database/data-source.js';
import { AdminModule } from './modules/admin/admin.module.js';
import { BomModule } from './modules/bom/bom.module.js';
import { KanbanModule } from './modules/kanban/kanban.module.js';
import { PlanningModule } from './modules/planning/planning.module.js';
import { PpicModule } from './modules/ppic/ppic.module.js';
import { PartnersModule } from './modules/partners/partners.module.js';
import { PurchasingModule } from './modules/purchasing/purchasing.module.js';
import { SalesModule } from './modules/sales/sales.module.js';
import { PassportModule } from './modules/passport/passport.module.js';
import { TraceabilityModule } from './modules/traceability/traceability.module.js';
import { QualityModule } from './modules/quality/quality.module.js';
import { ShippingModule } from './modules/shipping/shipping.module.js';
import { ProductionControlModule } from './modules/production-control/production-control.module.js';
import { SubconModule } from './modules/subcon/subcon.module.js';
import { HealthController } from './modules/health/health.controller.js';
import { WarehouseModule } from './modules/warehouse/warehouse.module.js';
import { WorkModule } from './modules/work/work.module.js';
import { WebhooksModule } from './modules/webhooks/webhooks.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, config.dbPoolSize), retryAttempts: 0 }),
        CoreModule.forRoot(config, databaseUrl),
        AdminModule,
        WarehouseModule,
        BomModule,
        KanbanModule,
        PpicModule,
        PlanningModule,
        PartnersModule,
        SalesModule,
        PurchasingModule,
        TraceabilityModule,
        WorkModule,
        PassportModule,
        QualityModule,
        ShippingModule,
        WebhooksModule,
        ProductionControlModule,
        SubconModule,
      ],
      controllers: [HealthController],
    };
  }
}
