import type { DataSource, EntityManager } from 'typeorm';

export interface LedgerDiscrepancy {
  productId: string;
  locationId: string;
  lotId: string | null;
  kind: 'ON_HAND' | 'RESERVED' | 'VIRTUAL_BALANCE';
  recorded: string;
  expected: string;
}

/**
 * Proves the ledger: for every product × location × lot, on-hand equals moves in minus moves out, and
 * reserved equals the open reservations; virtual locations hold no balance. Returns what disagrees.
 */
export async function checkLedger(db: DataSource | EntityManager): Promise<LedgerDiscrepancy[]> {
  const rows: Array<{
    product_id: string;
    location_id: string;
    lot_id: string | null;
    kind: LedgerDiscrepancy['kind'];
    recorded: string;
    expected: string;
  }> = await db.query(`
    with flows as (
      select product_id, to_location_id as location_id, lot_id, quantity as q from stock_moves
      union all
      select product_id, from_location_id, lot_id, -quantity from stock_moves
    ),
    internal_flows as (
      select f.product_id, f.location_id, f.lot_id, sum(f.q) as on_hand
        from flows f join locations l on l.id = f.location_id
       where l.type in ('WAREHOUSE', 'LINE', 'TRANSIT', 'SUBCONTRACTOR')
       group by f.product_id, f.location_id, f.lot_id
    ),
    open_reservations as (
      select product_id, location_id, lot_id, sum(open_quantity) as reserved
        from stock_reservations where status = 'OPEN'
       group by product_id, location_id, lot_id
    ),
    keys as (
      select product_id, location_id, lot_id from stock_balances
      union select product_id, location_id, lot_id from internal_flows
      union select product_id, location_id, lot_id from open_reservations
    )
    select k.product_id, k.location_id, k.lot_id, 'ON_HAND' as kind,
           coalesce(b.on_hand, 0)::text as recorded, coalesce(f.on_hand, 0)::text as expected
      from keys k
      left join stock_balances b on b.product_id = k.product_id and b.location_id = k.location_id and b.lot_id is not distinct from k.lot_id
      left join internal_flows f on f.product_id = k.product_id and f.location_id = k.location_id and f.lot_id is not distinct from k.lot_id
     where coalesce(b.on_hand, 0) <> coalesce(f.on_hand, 0)
    union all
    select k.product_id, k.location_id, k.lot_id, 'RESERVED',
           coalesce(b.reserved, 0)::text, coalesce(r.reserved, 0)::text
      from keys k
      left join stock_balances b on b.product_id = k.product_id and b.location_id = k.location_id and b.lot_id is not distinct from k.lot_id
      left join open_reservations r on r.product_id = k.product_id and r.location_id = k.location_id and r.lot_id is not distinct from k.lot_id
     where coalesce(b.reserved, 0) <> coalesce(r.reserved, 0)
    union all
    select b.product_id, b.location_id, b.lot_id, 'VIRTUAL_BALANCE', b.on_hand::text, '0'
      from stock_balances b join locations l on l.id = b.location_id
     where l.type not in ('WAREHOUSE', 'LINE', 'TRANSIT', 'SUBCONTRACTOR')
  `);
  return rows.map((r) => ({
    productId: r.product_id,
    locationId: r.location_id,
    lotId: r.lot_id,
    kind: r.kind,
    recorded: r.recorded,
    expected: r.expected,
  }));
}
