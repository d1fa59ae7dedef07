import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLinks, auditLookup } from '../../core/audit/audit-links.js';

interface ProductLinkRow {
  id: string;
  code: string;
}
interface LocationLinkRow {
  id: string;
  code: string;
}
interface LotLinkRow {
  id: string;
  lot_number: string;
}
interface ProductOfRow {
  id: string;
  product_id: string;
  code: string;
  reference: string | null;
}

const productPath = (id: string) => `/warehouse/products/${id}`;

/** The warehouse's audited records: products, locations, lots, moves, thresholds and alerts. */
@Injectable()
export class WarehouseAuditLinks implements OnModuleInit {
  constructor(private readonly links: AuditLinks) {}

  onModuleInit(): void {
    this.links.register(
      'product',
      auditLookup<ProductLinkRow>(`select id, code from products where id = any($1::uuid[])`, (r) => ({
        label: r.code,
        path: productPath(r.id),
      })),
    );
    this.links.register(
      'location',
      // Locations have no page of their own: the stock page lists what each holds.
      auditLookup<LocationLinkRow>(`select id, code from locations where id = any($1::uuid[])`, (r) => ({
        label: r.code,
        path: '/warehouse',
      })),
    );
    // A lot's page is its trace; passport issues and quality decisions are audited on the lot too.
    const lots = auditLookup<LotLinkRow>(
      `select id, lot_number from lots where id = any($1::uuid[])`,
      (r) => ({
        label: r.lot_number,
        path: `/trace?lot=${r.id}`,
      }),
    );
    this.links.register('lot', lots);
    this.links.register('quality.lot', lots);
    this.links.register(
      'stock_move',
      auditLookup<ProductOfRow>(
        `select m.id, m.product_id, p.code, m.reference
           from stock_moves m join products p on p.id = m.product_id
          where m.id = any($1::uuid[])`,
        (r) => ({
          label: r.reference ? `${r.code} · ${r.reference}` : r.code,
          path: productPath(r.product_id),
        }),
      ),
    );
    this.links.register(
      'stock_threshold',
      auditLookup<ProductOfRow>(
        `select t.id, t.product_id, p.code, null as reference
           from stock_thresholds t join products p on p.id = t.product_id
          where t.id = any($1::uuid[])`,
        (r) => ({ label: r.code, path: productPath(r.product_id) }),
      ),
    );
    this.links.register(
      'stock_alert',
      auditLookup<ProductOfRow>(
        `select a.id, a.product_id, p.code, null as reference
           from stock_alerts a join products p on p.id = a.product_id
          where a.id = any($1::uuid[])`,
        (r) => ({ label: r.code, path: '/warehouse/alerts' }),
      ),
    );
  }
}
