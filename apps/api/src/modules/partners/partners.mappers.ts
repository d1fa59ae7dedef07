import type { ProductFact } from '../warehouse/warehouse.facts.js';
import type { PartnerResponse, SupplierItemResponse } from './dto/partners.dto.js';
import type { PartnerRow, SupplierItemRow } from './partners.sql.js';

const num = (v: string | null) => (v === null ? null : Number(v));

export const toPartnerResponse = (r: PartnerRow): PartnerResponse => ({
  id: r.id,
  code: r.code,
  name: r.name,
  type: r.type,
  address: r.address,
  contact: r.contact,
  email: r.email,
  phone: r.phone,
  transitDays: r.transit_days,
  leadTimeDays: r.lead_time_days,
  subcontractAgreedDays: r.subcontract_agreed_days,
  active: r.active,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export const toSupplierItemResponse = (
  r: SupplierItemRow,
  product: ProductFact | undefined,
): SupplierItemResponse => ({
  id: r.id,
  supplier: { id: r.supplier_id, code: r.supplier_code_key, name: r.supplier_name },
  product: {
    id: r.product_id,
    code: product?.code ?? '',
    name: product?.name ?? '',
    uom: product?.uom ?? r.uom,
  },
  uom: r.uom,
  packSize: num(r.pack_size),
  minimumQuantity: num(r.minimum_quantity),
  leadTimeDays: r.lead_time_days,
  effectiveLeadTimeDays: r.lead_time_days ?? r.supplier_lead_time_days,
  preferred: r.preferred,
  supplierCode: r.supplier_code,
  unitPrice: num(r.unit_price),
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});
