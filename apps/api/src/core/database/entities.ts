import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { DocumentCounterEntity } from './document-counter.entity.js';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity.js';
import { ApiKeyEntity } from '../auth/api-keys/api-key.entity.js';
import { AuthSessionEntity } from '../auth/entities/auth-session.entity.js';
import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity.js';
import { RoleEntity } from '../auth/entities/role.entity.js';
import { UserEntity } from '../auth/entities/user.entity.js';
import { BomLineVariantEntity } from '../../modules/bom/entities/bom-line-variant.entity.js';
import { BomLineEntity } from '../../modules/bom/entities/bom-line.entity.js';
import { BomRevisionEntity } from '../../modules/bom/entities/bom-revision.entity.js';
import { BomEntity } from '../../modules/bom/entities/bom.entity.js';
import { KanbanCardEntity } from '../../modules/kanban/entities/kanban-card.entity.js';
import { KanbanRuleEntity } from '../../modules/kanban/entities/kanban-rule.entity.js';
import { MrpExceptionEntity } from '../../modules/planning/entities/mrp-exception.entity.js';
import { MrpGridRowEntity } from '../../modules/planning/entities/mrp-grid-row.entity.js';
import { MrpPlannedOrderEntity } from '../../modules/planning/entities/mrp-planned-order.entity.js';
import { MrpRunEntity } from '../../modules/planning/entities/mrp-run.entity.js';
import { HandoverEntity } from '../../modules/ppic/entities/handover.entity.js';
import { ManufacturingOrderEntity } from '../../modules/ppic/entities/manufacturing-order.entity.js';
import { MoMaterialEntity } from '../../modules/ppic/entities/mo-material.entity.js';
import { WorkOrderOutputEntity } from '../../modules/ppic/entities/work-order-output.entity.js';
import { WorkOrderEntity } from '../../modules/ppic/entities/work-order.entity.js';
import { PartnerEntity } from '../../modules/partners/entities/partner.entity.js';
import { SupplierItemEntity } from '../../modules/partners/entities/supplier-item.entity.js';
import { GoodsReceiptLineEntity } from '../../modules/purchasing/entities/goods-receipt-line.entity.js';
import { GoodsReceiptEntity } from '../../modules/purchasing/entities/goods-receipt.entity.js';
import { PurchaseOrderLineEntity } from '../../modules/purchasing/entities/purchase-order-line.entity.js';
import { PurchaseOrderEntity } from '../../modules/purchasing/entities/purchase-order.entity.js';
import { SalesOrderLineEntity } from '../../modules/sales/entities/sales-order-line.entity.js';
import { SalesOrderEntity } from '../../modules/sales/entities/sales-order.entity.js';
import { LocationEntity } from '../../modules/warehouse/entities/location.entity.js';
import { LotEntity } from '../../modules/warehouse/entities/lot.entity.js';
import { ProductEntity } from '../../modules/warehouse/entities/product.entity.js';
import { ProductImageEntity } from '../../modules/warehouse/entities/product-image.entity.js';
import { CompanySettingsEntity } from '../../modules/admin/entities/company-settings.entity.js';
import { PassportEntity } from '../../modules/passport/entities/passport.entity.js';
import { StockAlertEntity } from '../../modules/warehouse/entities/stock-alert.entity.js';
import { StockBalanceEntity } from '../../modules/warehouse/entities/stock-balance.entity.js';
import { StockMoveEntity } from '../../modules/warehouse/entities/stock-move.entity.js';
import { StockReservationEntity } from '../../modules/warehouse/entities/stock-reservation.entity.js';
import { StockThresholdEntity } from '../../modules/warehouse/entities/stock-threshold.entity.js';
import { QualityAlertEntity } from '../../modules/quality/entities/quality-alert.entity.js';
import { QualityInspectionEntity } from '../../modules/quality/entities/inspection.entity.js';
import { LabTestEntity } from '../../modules/quality/entities/lab-test.entity.js';
import { WebhookDeliveryEntity } from '../../modules/webhooks/entities/webhook-delivery.entity.js';
import { WebhookSubscriptionEntity } from '../../modules/webhooks/entities/webhook-subscription.entity.js';
import { TestPlanItemEntity } from '../../modules/quality/entities/test-plan-item.entity.js';
import { LineBlockEntity } from '../../modules/production-control/entities/line-block.entity.js';
import { LineEscalationEntity } from '../../modules/production-control/entities/line-escalation.entity.js';
import { SegregationAlarmEntity } from '../../modules/production-control/entities/segregation-alarm.entity.js';

/** Every entity of the application, listed so the same set serves the app, migrations and the drift check. */
import { ShipmentCartonEntity } from '../../modules/shipping/entities/shipment-carton.entity.js';
import { ShipmentLineEntity } from '../../modules/shipping/entities/shipment-line.entity.js';
import { ShipmentPalletEntity } from '../../modules/shipping/entities/shipment-pallet.entity.js';
import { ShipmentPickEntity } from '../../modules/shipping/entities/shipment-pick.entity.js';
import { ShipmentEntity } from '../../modules/shipping/entities/shipment.entity.js';
import { GatePassEntity } from '../../modules/subcon/entities/gate-pass.entity.js';
import { GatePassLineEntity } from '../../modules/subcon/entities/gate-pass-line.entity.js';
import { SubconAlertEntity } from '../../modules/subcon/entities/subcon-alert.entity.js';
export const ENTITIES = [
  RoleEntity,
  UserEntity,
  AuthSessionEntity,
  RefreshTokenEntity,
  AuditEntryEntity,
  ApiKeyEntity,
  IdempotencyKeyEntity,
  ProductEntity,
  LocationEntity,
  LotEntity,
  StockBalanceEntity,
  StockMoveEntity,
  StockReservationEntity,
  StockThresholdEntity,
  StockAlertEntity,
  BomEntity,
  BomLineEntity,
  BomLineVariantEntity,
  BomRevisionEntity,
  DocumentCounterEntity,
  KanbanCardEntity,
  KanbanRuleEntity,
  ManufacturingOrderEntity,
  MoMaterialEntity,
  WorkOrderEntity,
  WorkOrderOutputEntity,
  HandoverEntity,
  MrpRunEntity,
  MrpPlannedOrderEntity,
  MrpExceptionEntity,
  MrpGridRowEntity,
  PartnerEntity,
  SupplierItemEntity,
  SalesOrderEntity,
  SalesOrderLineEntity,
  PurchaseOrderEntity,
  PurchaseOrderLineEntity,
  GoodsReceiptEntity,
  GoodsReceiptLineEntity,
  ProductImageEntity,
  CompanySettingsEntity,
  PassportEntity,
  QualityInspectionEntity,
  TestPlanItemEntity,
  LabTestEntity,
  ShipmentEntity,
  ShipmentLineEntity,
  ShipmentPickEntity,
  ShipmentCartonEntity,
  ShipmentPalletEntity,
  WebhookSubscriptionEntity,
  WebhookDeliveryEntity,
  QualityAlertEntity,
  LineBlockEntity,
  SegregationAlarmEntity,
  LineEscalationEntity,
  GatePassEntity,
  GatePassLineEntity,
  SubconAlertEntity,
];
