import { Module } from '@nestjs/common';
import { PassportModule } from '../passport/passport.module.js';
import { WarehouseModule } from '../warehouse/warehouse.module.js';
import { InspectionsService } from './inspections.service.js';
import { LabTestsService } from './lab-tests.service.js';
import { LotDecisions } from './lot-decisions.js';
import { QualityAlerts } from './quality-alerts.service.js';
import { QualityController } from './quality.controller.js';
import { WeightSeries } from './weight-series.js';
import { QualityAuditLinks } from './quality.audit-links.js';

/** Quality gates (quality-shipping.md): inspections, test plans, lab tests and lot release. */
@Module({
  imports: [WarehouseModule, PassportModule],
  controllers: [QualityController],
  providers: [
    InspectionsService,
    LabTestsService,
    LotDecisions,
    WeightSeries,
    QualityAuditLinks,
    QualityAlerts,
  ],
  exports: [LotDecisions],
})
export class QualityModule {}
