import type { PartnerType, Unit } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/** The partners module's own queries: it names only `partners` and `supplier_items`. */

export interface PartnerRow {
  id: string;
  code: string;
  name: string;
  type: PartnerType;
  address: string | null;
  contact: string | null;
  email: string | null;
  phone: string | null;
  transit_days: number;
  lead_time_days: number;
  subcontract_agreed_days: number;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface PartnerValues {
  name: string;
  type: PartnerType;
  address: string | null;
  contact: string | null;
  email: string | null;
  phone: string | null;
  transitDays: number;
  leadTimeDays: number;
  subcontractAgreedDays: number;
  active: boolean;
}

export interface PartnerFilter {
  type?: PartnerType;
  search?: string;
  active?: boolean;
  ids?: readonly string[];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function partnerWhere(f: PartnerFilter): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.type) where.push(`type = $${params.push(f.type)}`);
  if (f.active !== undefined) where.push(`active = $${params.push(f.active)}`);
  if (f.search)
    where.push(`(code ilike $${params.push(`%${escapeLike(f.search)}%`)} or name ilike $${params.length})`);
  if (f.ids) where.push(`id = any($${params.push([...f.ids])}::uuid[])`);
  return { where: where.length ? `where ${where.join(' and ')}` : '', params };
}

export async function listPartners(
  m: EntityManager,
  f: PartnerFilter,
  skip: number,
  limit: number,
): Promise<{ rows: PartnerRow[]; total: number }> {
  const { where, params } = partnerWhere(f);
  const rows: Array<PartnerRow & { total: string }> = await m.query(
    `select *, count(*) over() as total from partners ${where} order by code
      limit $${params.push(limit)} offset $${params.push(skip)}`,
    params,
  );
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

export async function partnersByIds(
  m: EntityManager,
  ids: readonly string[],
): Promise<Map<string, PartnerRow>> {
  if (ids.length === 0) return new Map();
  const rows: PartnerRow[] = await m.query(`select * from partners where id = any($1::uuid[])`, [
    [...new Set(ids)],
  ]);
  return new Map(rows.map((r) => [r.id, r]));
}

export async function partnerById(
  m: EntityManager,
  id: string,
  lock = false,
): Promise<PartnerRow | undefined> {
  const [row]: PartnerRow[] = await m.query(
    `select * from partners where id = $1 ${lock ? 'for update' : ''}`,
    [id],
  );
  return row;
}

/** Codes are unique ignoring case, so IKEA and ikea cannot both exist. */
export async function partnerCodeTaken(m: EntityManager, code: string): Promise<boolean> {
  const rows: Array<{ id: string }> = await m.query('select id from partners where lower(code) = lower($1)', [
    code,
  ]);
  return rows.length > 0;
}

export async function insertPartner(m: EntityManager, code: string, v: PartnerValues): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await m.query(
    `insert into partners (code, name, type, address, contact, email, phone, transit_days, lead_time_days, active, subcontract_agreed_days)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [
      code,
      v.name,
      v.type,
      v.address,
      v.contact,
      v.email,
      v.phone,
      v.transitDays,
      v.leadTimeDays,
      v.active,
      v.subcontractAgreedDays,
    ],
  );
  return id;
}

export async function updatePartner(m: EntityManager, id: string, v: PartnerValues): Promise<void> {
  await m.query(
    `update partners set name = $2, type = $3, address = $4, contact = $5, email = $6, phone = $7,
            transit_days = $8, lead_time_days = $9, active = $10, subcontract_agreed_days = $11,
            version = version + 1, updated_at = now()
      where id = $1`,
    [
      id,
      v.name,
      v.type,
      v.address,
      v.contact,
      v.email,
      v.phone,
      v.transitDays,
      v.leadTimeDays,
      v.active,
      v.subcontractAgreedDays,
    ],
  );
}

export interface SupplierItemRow {
  id: string;
  supplier_id: string;
  product_id: string;
  supplier_code: string | null;
  uom: Unit;
  pack_size: string | null;
  minimum_quantity: string | null;
  lead_time_days: number | null;
  preferred: boolean;
  unit_price: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  supplier_code_key: string;
  supplier_name: string;
  supplier_lead_time_days: number;
}

export interface SupplierItemValues {
  supplierCode: string | null;
  uom: Unit;
  packSize: number | null;
  minimumQuantity: number | null;
  leadTimeDays: number | null;
  preferred: boolean;
  unitPrice: number | null;
}

const ITEM_SELECT = `
  select si.*, p.code as supplier_code_key, p.name as supplier_name, p.lead_time_days as supplier_lead_time_days
    from supplier_items si join partners p on p.id = si.supplier_id`;

export async function listSupplierItems(
  m: EntityManager,
  f: { productId?: string; supplierId?: string; preferredOnly?: boolean },
  skip: number,
  limit: number,
): Promise<{ rows: SupplierItemRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.productId) where.push(`si.product_id = $${params.push(f.productId)}`);
  if (f.supplierId) where.push(`si.supplier_id = $${params.push(f.supplierId)}`);
  if (f.preferredOnly) where.push('si.preferred');
  const rows: Array<SupplierItemRow & { total: string }> = await m.query(
    `${ITEM_SELECT.replace('select si.*,', 'select si.*, count(*) over() as total,')} ${where.length ? `where ${where.join(' and ')}` : ''}
      order by si.preferred desc, p.code, si.created_at, si.id
      limit $${params.push(limit)} offset $${params.push(skip)}`,
    params,
  );
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

/** Every preferred supplier item with its supplier (for planning: one set-based read). */
export async function preferredSupplierItems(m: EntityManager): Promise<SupplierItemRow[]> {
  return m.query(`${ITEM_SELECT} where si.preferred and p.active order by si.product_id`);
}

export async function supplierItemById(
  m: EntityManager,
  id: string,
  lock = false,
): Promise<SupplierItemRow | undefined> {
  const [row]: SupplierItemRow[] = await m.query(
    `${ITEM_SELECT} where si.id = $1 ${lock ? 'for update of si' : ''}`,
    [id],
  );
  return row;
}

export async function insertSupplierItem(
  m: EntityManager,
  supplierId: string,
  productId: string,
  v: SupplierItemValues,
): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await m.query(
    `insert into supplier_items (supplier_id, product_id, supplier_code, uom, pack_size, minimum_quantity, lead_time_days, preferred, unit_price)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      supplierId,
      productId,
      v.supplierCode,
      v.uom,
      v.packSize,
      v.minimumQuantity,
      v.leadTimeDays,
      v.preferred,
      v.unitPrice,
    ],
  );
  return id;
}

export async function updateSupplierItem(m: EntityManager, id: string, v: SupplierItemValues): Promise<void> {
  await m.query(
    `update supplier_items set supplier_code = $2, uom = $3, pack_size = $4, minimum_quantity = $5,
            lead_time_days = $6, preferred = $7, unit_price = $8, version = version + 1, updated_at = now()
      where id = $1`,
    [id, v.supplierCode, v.uom, v.packSize, v.minimumQuantity, v.leadTimeDays, v.preferred, v.unitPrice],
  );
}

/** Clears `preferred` on the product's other items; answers the ids it changed. */
export async function clearPreferred(
  m: EntityManager,
  productId: string,
  exceptId: string | null,
): Promise<string[]> {
  const rows: Array<{ id: string }> = await m.query(
    `update supplier_items set preferred = false, version = version + 1, updated_at = now()
      where product_id = $1 and preferred and id is distinct from $2 returning id`,
    [productId, exceptId],
  );
  return rows.map((r) => r.id);
}

export async function deleteSupplierItem(m: EntityManager, id: string): Promise<void> {
  await m.query('delete from supplier_items where id = $1', [id]);
}
