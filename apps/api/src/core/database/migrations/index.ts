import { Subcon1796452310170 } from './1796452310170-Subcon.js';
import { TraceLotDestination1796460000000 } from './1796460000000-TraceLotDestination.js';
import { MrpExceptionReasons1796442785895 } from './1796442785895-MrpExceptionReasons.js';
import { MrpGridJson1796434800000 } from './1796434800000-MrpGridJson.js';
import { Shipping1796431074638 } from './1796431074638-Shipping.js';
import { MrpRunState1796430970127 } from './1796430970127-MrpRunState.js';
import { Webhooks1796433561621 } from './1796433561621-Webhooks.js';
import { QualityAlerts1796435000000 } from './1796435000000-QualityAlerts.js';
import { LineControl1796436000000 } from './1796436000000-LineControl.js';
import { Quality1796423385426 } from './1796423385426-Quality.js';
import { ApiKeys1796422323392 } from './1796422323392-ApiKeys.js';
import { KanbanPartial1796421296520 } from './1796421296520-KanbanPartial.js';
import { Passport1796421119299 } from './1796421119299-Passport.js';
import { QualityPermissions1796420445185 } from './1796420445185-QualityPermissions.js';
import { TraceLotIndex1796420168375 } from './1796420168375-TraceLotIndex.js';
import { DashboardWindow1796417380801 } from './1796417380801-DashboardWindow.js';
import { MoSalesOrderLine1796414843472 } from './1796414843472-MoSalesOrderLine.js';
import { RefreshReplacement1796413128706 } from './1796413128706-RefreshReplacement.js';
import { Orders1796412841272 } from './1796412841272-Orders.js';
import { LoginLimits1796411765340 } from './1796411765340-LoginLimits.js';
import { Mrp1796411115632 } from './1796411115632-Mrp.js';
import { ProductionLeadDays1796410261843 } from './1796410261843-ProductionLeadDays.js';
import { OrderPermissions1796409928386 } from './1796409928386-OrderPermissions.js';
import { Ppic1795667938590 } from './1795667938590-Ppic.js';
import { Kanban1795667480237 } from './1795667480237-Kanban.js';
import { Idempotency1795667303687 } from './1795667303687-Idempotency.js';
import { Bom1795667082201 } from './1795667082201-Bom.js';
import { Warehouse1795666723364 } from './1795666723364-Warehouse.js';
import { Init1795666103031 } from './1795666103031-Init.js';
/** Every migration in order. `npm run migration:generate -- <Name>` writes a new one and adds it here. */
export const MIGRATIONS: Function[] = [
  Init1795666103031,
  Warehouse1795666723364,
  Bom1795667082201,
  Idempotency1795667303687,
  Kanban1795667480237,
  Ppic1795667938590,
  OrderPermissions1796409928386,
  ProductionLeadDays1796410261843,
  Mrp1796411115632,
  LoginLimits1796411765340,
  Orders1796412841272,
  RefreshReplacement1796413128706,
  MoSalesOrderLine1796414843472,
  DashboardWindow1796417380801,
  TraceLotIndex1796420168375,
  QualityPermissions1796420445185,
  Passport1796421119299,
  KanbanPartial1796421296520,
  ApiKeys1796422323392,
  Quality1796423385426,
  MrpRunState1796430970127,
  Shipping1796431074638,
  Webhooks1796433561621,
  MrpGridJson1796434800000,
  QualityAlerts1796435000000,
  LineControl1796436000000,
  MrpExceptionReasons1796442785895,
  Subcon1796452310170,
  TraceLotDestination1796460000000,
];
