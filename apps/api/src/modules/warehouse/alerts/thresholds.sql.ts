/**
 * The SQL the alerts share with the posting service, which folds it into its own statements: the
 * threshold lock and the read of each threshold's stock with its open alert.
 */

/** Locks the thresholds of products `$p` at no location or one of `$l`, in one fixed order. */
export const lockThresholds = (p: string, l: string) =>
  `select id from stock_thresholds
    where product_id = any(${p}::uuid[]) and (location_id is null or location_id = any(${l}::uuid[]))
    order by product_id, location_id nulls first
    for update`;

/**
 * CTEs `open_alerts` (locked) and `thresholds_read`: each threshold of products `$p` at no location or
 * one of `$l`, with the stock it compares (available over the WAREHOUSE racks, or at its location) plus
 * the changes `$d` (product, location, change of available: what the same statement writes and cannot
 * see yet), and the alert open on it. Numbers as text, as `ThresholdRow` has them.
 */
export const readThresholds = (p: string, l: string, d: [string, string, string]) =>
  `open_alerts as (
     select id, product_id, location_id, level from stock_alerts
      where product_id = any(${p}::uuid[]) and status <> 'RESOLVED'
      order by id
      for update
   ),
   threshold_changes as (select * from unnest(${d[0]}::uuid[], ${d[1]}::uuid[], ${d[2]}::numeric[]) v(product_id, location_id, available)),
   thresholds_read as (
     select t.id, t.product_id, t.location_id, t.min_qty::text as min_qty, t.critical_qty::text as critical_qty,
            a.id as alert_id, a.level as alert_level,
            (coalesce((select sum(b.on_hand - b.reserved) from stock_balances b
                        where b.product_id = t.product_id
                          and (case when t.location_id is null
                                    then b.location_id in (select id from locations where type = 'WAREHOUSE')
                                    else b.location_id = t.location_id end)), 0)
             + coalesce((select sum(c.available) from threshold_changes c
                          where c.product_id = t.product_id
                            and (case when t.location_id is null
                                      then c.location_id in (select id from locations where type = 'WAREHOUSE')
                                      else c.location_id = t.location_id end)), 0))::text as available
       from stock_thresholds t
       left join open_alerts a on a.product_id = t.product_id and a.location_id is not distinct from t.location_id
      where t.product_id = any(${p}::uuid[]) and (t.location_id is null or t.location_id = any(${l}::uuid[]))
      order by t.product_id, t.location_id nulls first
   )`;
