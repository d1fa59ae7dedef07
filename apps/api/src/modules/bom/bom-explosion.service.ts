import { Injectable } from '@nestjs/common';
import {
  isWholeUnit,
  ROUTES,
  unitFactor,
  type BomType,
  type Department,
  type Unit,
  type UnitConversion,
  type VariantType,
} from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, notFound } from '../../core/errors/app-error.js';
import { EventCache } from '../../core/cache/event-cache.js';
import { EventsHub } from '../../core/events/events.hub.js';
import { BOM_CACHE_DROP_ON, BOM_CACHE_ENTRIES, BOM_CACHE_TTL_MS } from './bom.cache.js';
import { Stock } from '../warehouse/index.js';
import type { ExplosionNode, ExplosionResponse, RequirementItem } from './dto/bom.dto.js';

const MAX_LEVELS = 20;
const SCALE = 4;

interface LevelRow {
  bom_id: string;
  qty_output: string;
  line_id: string;
  department: Department;
  qty_needed: string;
  line_uom: Unit;
  wastage_percent: string;
  component_id: string;
  code: string;
  name: string;
  uom: Unit;
  unit_conversions: UnitConversion[];
  child_bom_id: string | null;
  child_bom_type: BomType | null;
  variants: Array<{
    materialId: string;
    code: string;
    name: string;
    uom: Unit;
    unitConversions: UnitConversion[];
    variantType: VariantType;
    sequence: number;
    neededQuantity: string | null;
  }>;
}

/** A row of the explosion's one statement: the header (h_*), the depth, and one line (or nulls). */
type TreeRow = {
  h_id: string;
  h_product_id: string;
  h_revision: number;
  h_bom_type: BomType;
  h_code: string;
  h_name: string;
  h_uom: Unit;
  depth: number;
} & { [K in keyof LevelRow]: LevelRow[K] | null };

/** A BOM's header and the lines of every BOM below it (what the one statement read), never changed after. */
interface Tree {
  bom: TreeRow;
  linesOf: ReadonlyMap<string, readonly LevelRow[]>;
}

interface Expanding {
  node: ExplosionNode;
  bomId: string;
  quantity: Decimal;
}

interface Candidate {
  productId: string;
  code: string;
  name: string;
  uom: Unit;
  quantity: Decimal;
  type: VariantType;
}

interface Leaf {
  node: ExplosionNode;
  department: Department;
  candidates: Candidate[];
  optional: Candidate[];
}

/** A planned material need: the product, department and quantity (stock unit) a production run consumes. */
export interface MaterialNeed {
  productId: string;
  department: Department;
  quantity: Decimal;
}

const DEPARTMENT_ORDER: Department[] = [
  ...new Set<Department>([...ROUTES.ROUTE_1, 'SUBCON', 'FINISHED_GOODS', 'WAREHOUSE', 'QC', 'PPIC']),
];

/**
 * Explodes a BOM for a quantity down to purchased materials: the whole tree in one recursive query,
 * wastage and unit conversion applied per level, KIT BOMs inline, variants chosen by free warehouse
 * stock in preference order, and one availability query (the warehouse's) at the end.
 */
@Injectable()
export class BomExplosionService {
  /**
   * The trees read outside a caller's transaction (the explosion page), until a BOM or product event:
   * free stock is still read on every explosion. Inside a transaction (approval) the tree is read there.
   */
  private readonly trees: EventCache<Tree>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly stock: Stock,
    hub: EventsHub,
  ) {
    this.trees = new EventCache(hub, BOM_CACHE_DROP_ON, BOM_CACHE_TTL_MS, BOM_CACHE_ENTRIES);
  }

  /** The active BOM of a product, if it has one. */
  async activeBom(
    productId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; revision: number } | undefined> {
    const [bom]: Array<{ id: string; revision: number }> = await manager.query(
      'select id, revision from boms where product_id = $1 and active and deleted_at is null',
      [productId],
    );
    return bom;
  }

  /**
   * `availability: false` (what approval freezes) reads free stock only when a line has variants to
   * choose by it; `available` and `shortage` are then not meaningful.
   */
  async explode(
    bomId: string,
    quantity: number | string,
    manager: EntityManager = this.dataSource.manager,
    { availability = true }: { availability?: boolean } = {},
  ): Promise<ExplosionResponse> {
    const { bom, linesOf } =
      manager === this.dataSource.manager
        ? await this.trees.get(bomId, () => this.tree(manager, bomId))
        : await this.tree(manager, bomId);
    if (bom.depth >= MAX_LEVELS)
      throw new AppError(422, 'BOM_TOO_DEEP', `The BOM is more than ${MAX_LEVELS} levels deep`);
    const total = new Decimal(quantity);
    const tree: ExplosionNode = {
      productId: bom.h_product_id,
      code: bom.h_code,
      name: bom.h_name,
      kind: 'PRODUCT',
      department: null,
      quantity: total.toDecimalPlaces(SCALE).toNumber(),
      uom: bom.h_uom,
      wastagePercent: 0,
      bomId: bom.h_id,
      substitutesFor: null,
      children: [],
    };
    const leaves: Leaf[] = [];
    let level: Expanding[] = [{ node: tree, bomId: bom.h_id, quantity: total }];
    while (level.length > 0) {
      const next: Expanding[] = [];
      for (const parent of level) {
        for (const row of linesOf.get(parent.bomId) ?? []) {
          const wastage = new Decimal(row.wastage_percent);
          const perUnit = (qty: Decimal.Value, uom: Unit, conversions: UnitConversion[]) =>
            parent.quantity
              .div(row.qty_output)
              .times(qty)
              .times(unitFactor(row.line_uom, uom, conversions) ?? 1)
              .times(wastage.div(100).plus(1));
          const qty = perUnit(row.qty_needed, row.uom, row.unit_conversions);
          const node: ExplosionNode = {
            productId: row.component_id,
            code: row.code,
            name: row.name,
            kind: row.child_bom_id ? (row.child_bom_type === 'KIT' ? 'KIT' : 'WIP') : 'MATERIAL',
            department: row.department,
            quantity: qty.toDecimalPlaces(SCALE).toNumber(),
            uom: row.uom,
            wastagePercent: wastage.toNumber(),
            bomId: row.child_bom_id,
            substitutesFor: null,
            children: [],
          };
          parent.node.children.push(node);
          if (row.child_bom_id) {
            next.push({ node, bomId: row.child_bom_id, quantity: qty });
            continue;
          }
          const variant = (v: LevelRow['variants'][number]): Candidate => ({
            productId: v.materialId,
            code: v.code,
            name: v.name,
            uom: v.uom,
            quantity: perUnit(v.neededQuantity ?? row.qty_needed, v.uom, v.unitConversions),
            type: v.variantType,
          });
          const ranked = [...row.variants].sort(
            (a, b) => rank(a.variantType) - rank(b.variantType) || a.sequence - b.sequence,
          );
          leaves.push({
            node,
            department: row.department,
            candidates: [
              {
                productId: row.component_id,
                code: row.code,
                name: row.name,
                uom: row.uom,
                quantity: qty,
                type: 'PRIMARY',
              },
              ...ranked.filter((v) => v.variantType !== 'OPTIONAL').map(variant),
            ],
            optional: ranked.filter((v) => v.variantType === 'OPTIONAL').map(variant),
          });
        }
      }
      level = next;
    }

    const materialIds = [
      ...new Set(leaves.flatMap((l) => [...l.candidates, ...l.optional].map((c) => c.productId))),
    ];
    const free =
      availability || leaves.some((l) => l.candidates.length > 1)
        ? await this.freeStock(manager, materialIds)
        : new Map<string, Decimal>();
    const requirements = new Map<string, RequirementItem & { exact: Decimal }>();
    const add = (c: Candidate, department: Department, optional: boolean, substitutesFor: string | null) => {
      const key = `${c.productId}|${department}|${optional}`;
      const existing = requirements.get(key);
      if (existing) existing.exact = existing.exact.plus(c.quantity);
      else
        requirements.set(key, {
          productId: c.productId,
          code: c.code,
          name: c.name,
          department,
          quantity: 0,
          uom: c.uom,
          available: 0,
          shortage: 0,
          optional,
          substitutesFor,
          exact: c.quantity,
        });
    };
    // Variants: the first candidate whose free stock covers the line, else the primary (and a shortage).
    const remaining = new Map(materialIds.map((id) => [id, free.get(id) ?? new Decimal(0)]));
    for (const leaf of leaves) {
      const chosen =
        leaf.candidates.find((c) => remaining.get(c.productId)!.gte(c.quantity)) ?? leaf.candidates[0];
      remaining.set(chosen.productId, remaining.get(chosen.productId)!.minus(chosen.quantity));
      const primary = leaf.candidates[0];
      if (chosen !== primary) {
        Object.assign(leaf.node, {
          productId: chosen.productId,
          code: chosen.code,
          name: chosen.name,
          uom: chosen.uom,
          quantity: chosen.quantity.toDecimalPlaces(SCALE).toNumber(),
          substitutesFor: primary.code,
        });
      }
      add(chosen, leaf.department, false, chosen === primary ? null : primary.code);
      for (const o of leaf.optional) {
        leaf.node.children.push({
          ...leaf.node,
          productId: o.productId,
          code: o.code,
          name: o.name,
          uom: o.uom,
          quantity: o.quantity.toDecimalPlaces(SCALE).toNumber(),
          substitutesFor: null,
          children: [],
        });
        add(o, leaf.department, true, null);
      }
    }

    // Shortages: rows in route order draw on the free stock one after the other.
    const left = new Map(materialIds.map((id) => [id, free.get(id) ?? new Decimal(0)]));
    const items = [...requirements.values()].sort(
      (a, b) =>
        DEPARTMENT_ORDER.indexOf(a.department) - DEPARTMENT_ORDER.indexOf(b.department) ||
        a.code.localeCompare(b.code),
    );
    // A row is what one order uses: whole units (PCS, CARTON, …) are rounded up once here, per order
    // and department, never per piece (8.65 cartons for the order opens 9, not 450 × 0.0193 rounded).
    for (const item of items) {
      const have = Decimal.max(left.get(item.productId)!, 0);
      const used = toUse(item.exact, item.uom);
      item.quantity = used.toNumber();
      item.available = (free.get(item.productId) ?? new Decimal(0)).toDecimalPlaces(SCALE).toNumber();
      item.shortage = item.optional ? 0 : Decimal.max(used.minus(have), 0).toNumber();
      left.set(item.productId, have.minus(used));
    }
    return {
      bomId: bom.h_id,
      productId: bom.h_product_id,
      productCode: bom.h_code,
      revision: bom.h_revision,
      quantity: total.toNumber(),
      uom: bom.h_uom,
      requirements: items.map(({ exact: _exact, ...item }) => item),
      hasShortage: items.some((i) => i.shortage > 0),
      tree,
    };
  }

  /** Needs per material and department (whole units rounded up per order), for PPIC to reserve and consume. */
  async needs(bomId: string, quantity: number | string, manager?: EntityManager): Promise<MaterialNeed[]> {
    const explosion = await this.explode(bomId, quantity, manager);
    return explosion.requirements
      .filter((r) => !r.optional)
      .map((r) => ({ productId: r.productId, department: r.department, quantity: new Decimal(r.quantity) }));
  }

  /** The header row and the lines of every BOM below it, by BOM; 404 for an unknown BOM. */
  private async tree(manager: EntityManager, bomId: string): Promise<Tree> {
    const rows = await this.treeRows(manager, bomId);
    if (rows.length === 0) throw notFound('bom', bomId);
    const linesOf = new Map<string, LevelRow[]>();
    for (const r of rows) {
      if (r.bom_id === null) continue;
      const list = linesOf.get(r.bom_id) ?? [];
      list.push(r as LevelRow);
      linesOf.set(r.bom_id, list);
    }
    return { bom: rows[0], linesOf };
  }

  /**
   * The BOM and every line below it in one statement: a recursive walk over the active BOMs of the
   * components (to one level past the limit, so a too-deep BOM is seen), then each BOM's lines once. The
   * header columns (h_*) repeat on every row; a BOM without lines comes back as one row of header only.
   */
  private treeRows(manager: EntityManager, bomId: string): Promise<TreeRow[]> {
    return manager.query(
      `with recursive tree(bom_id, depth) as (
         select b.id, 0 from boms b where b.id = $1 and b.deleted_at is null
         union
         select cb.id, t.depth + 1
           from tree t
           join bom_lines tl on tl.bom_id = t.bom_id
           join boms cb on cb.product_id = tl.component_id and cb.active and cb.deleted_at is null
          where t.depth < $2
       ),
       levels as (select bom_id, max(depth) as depth from tree group by bom_id)
       select h.id as h_id, h.product_id as h_product_id, h.revision as h_revision, h.bom_type as h_bom_type,
              hp.code as h_code, hp.name as h_name, hp.uom as h_uom, (select max(depth) from levels)::int as depth,
              x.*
         from boms h
         join products hp on hp.id = h.product_id
         left join lateral (
           select b.id as bom_id, b.qty_output, l.id as line_id, l.position, l.department, l.qty_needed, l.uom as line_uom, l.wastage_percent,
                  c.id as component_id, c.code, c.name, c.uom, c.unit_conversions,
                  cb.id as child_bom_id, cb.bom_type as child_bom_type,
                  coalesce(v.variants, '[]') as variants
             from levels lv0
             join boms b on b.id = lv0.bom_id
             join bom_lines l on l.bom_id = b.id
             join products c on c.id = l.component_id
             left join boms cb on cb.product_id = c.id and cb.active and cb.deleted_at is null
             left join lateral (
               select json_agg(json_build_object('materialId', mp.id, 'code', mp.code, 'name', mp.name, 'uom', mp.uom,
                                                 'unitConversions', mp.unit_conversions, 'variantType', lv.variant_type,
                                                 'sequence', lv.sequence, 'neededQuantity', lv.qty_needed)) as variants
                 from bom_line_variants lv join products mp on mp.id = lv.material_id
                where lv.line_id = l.id
             ) v on true
         ) x on true
        where h.id = $1 and h.deleted_at is null
        order by x.bom_id, x.position`,
      [bomId, MAX_LEVELS],
    );
  }

  private freeStock(manager: EntityManager, productIds: string[]): Promise<Map<string, Decimal>> {
    return this.stock.freeInWarehouse(productIds, manager);
  }
}

/**
 * What an order uses of an exact requirement, as `wholeUnitsToUse` shows it: whole units up to the next
 * whole number after the stored scale (float noise such as 3.0000000000000004 opens no extra carton),
 * other units up to the stored scale.
 */
export function toUse(exact: Decimal, uom: Unit): Decimal {
  if (!isWholeUnit(uom)) return exact.toDecimalPlaces(SCALE, Decimal.ROUND_UP);
  return exact.toDecimalPlaces(SCALE, Decimal.ROUND_HALF_UP).toDecimalPlaces(0, Decimal.ROUND_CEIL);
}

const rank = (t: VariantType) => (t === 'PRIMARY' ? 0 : t === 'ALTERNATIVE' ? 1 : 2);
