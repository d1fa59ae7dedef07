import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLinks, auditLookup } from '../../core/audit/audit-links.js';

interface ShipmentLinkRow {
  id: string;
  number: string;
}

/** Shipments by number. */
@Injectable()
export class ShippingAuditLinks implements OnModuleInit {
  constructor(private readonly links: AuditLinks) {}

  onModuleInit(): void {
    this.links.register(
      'shipment',
      auditLookup<ShipmentLinkRow>(`select id, number from shipments where id = any($1::uuid[])`, (r) => ({
        label: r.number,
        path: `/shipping/shipments/${r.id}`,
      })),
    );
  }
}
