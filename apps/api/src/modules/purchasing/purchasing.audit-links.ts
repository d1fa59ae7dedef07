import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLinks, auditLookup } from '../../core/audit/audit-links.js';

interface PurchaseOrderLinkRow {
  id: string;
  number: string;
}
interface ReceiptLinkRow {
  id: string;
  number: string;
  purchase_order_id: string;
}

/** Purchase orders by number; a goods receipt on its order’s page. */
@Injectable()
export class PurchasingAuditLinks implements OnModuleInit {
  constructor(private readonly links: AuditLinks) {}

  onModuleInit(): void {
    this.links.register(
      'purchase_order',
      auditLookup<PurchaseOrderLinkRow>(
        `select id, number from purchase_orders where id = any($1::uuid[])`,
        (r) => ({ label: r.number, path: `/purchasing/orders/${r.id}` }),
      ),
    );
    this.links.register(
      'goods_receipt',
      auditLookup<ReceiptLinkRow>(
        `select id, number, purchase_order_id from goods_receipts where id = any($1::uuid[])`,
        (r) => ({ label: r.number, path: `/purchasing/orders/${r.purchase_order_id}` }),
      ),
    );
  }
}
