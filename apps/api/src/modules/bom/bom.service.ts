import { Injectable } from '@nestjs/common';
import { unitFactor, type Unit, type UnitConversion } from '@kapok/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import { RequestContext } from '../../core/context/request-context.js';
import { isUniqueViolation } from '../../core/database/db-errors.js';
import type { BomLineRow, BomListRow, BomReadRow, BomRevisionRow } from './bom.sql.js';
import { upgradeSnapshot } from './bom-snapshot.js';
import { Transactions } from '../../core/database/transactions.js';
import { AppError, notFound, staleVersion, validationFailed } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import { EventsHub } from '../../core/events/events.hub.js';
import { EventCache } from '../../core/cache/event-cache.js';
import { BOM_CACHE_DROP_ON, BOM_CACHE_ENTRIES, BOM_CACHE_TTL_MS } from './bom.cache.js';
import { escapeLike } from '../../core/database/like.js';
import { BomUsageRegistry } from './bom-usage.registry.js';
import type {
  BomPage,
  BomQuery,
  BomResponse,
  BomRevisionList,
  CreateBomRequest,
  UpdateBomRequest,
} from './dto/bom.dto.js';

const BOM_GRAPH_LOCK = 7_041_001;

@Injectable()
export class BomService {
  private readonly cache: EventCache<BomResponse>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    private readonly usage: BomUsageRegistry,
    hub: EventsHub,
  ) {
    this.cache = new EventCache(hub, BOM_CACHE_DROP_ON, BOM_CACHE_TTL_MS, BOM_CACHE_ENTRIES);
  }

  async list(q: BomQuery): Promise<BomPage> {
    const where = ['b.deleted_at is null'];
    const params: unknown[] = [];
    if (q.productId) where.push(`b.product_id = $${params.push(q.productId)}`);
    if (q.bomType) where.push(`b.bom_type = $${params.push(q.bomType)}`);
    if (q.activeOnly) where.push('b.active');
    if (q.search)
      where.push(
        `(p.code ilike $${params.push(`%${escapeLike(q.search)}%`)} or p.name ilike $${params.length})`,
      );
    if (q.componentId) {
      where.push(`exists (select 1 from bom_lines l left join bom_line_variants v on v.line_id = l.id
                           where l.bom_id = b.id and (l.component_id = $${params.push(q.componentId)} or v.material_id = $${params.length}))`);
    }
    const rows: BomListRow[] = await this.dataSource.query(
      `select b.*, p.code as product_code, p.name as product_name, p.type as product_type,
              (select count(*)::int from bom_lines l where l.bom_id = b.id) as line_count,
              (select coalesce(array_agg(distinct l.department::text), '{}') from bom_lines l where l.bom_id = b.id) as departments,
              count(*) over()::int as total
         from boms b join products p on p.id = b.product_id
        where ${where.join(' and ')}
        order by p.code, b.active desc, b.revision desc
        limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, q.limit, q.skip],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        productId: r.product_id,
        productCode: r.product_code,
        productName: r.product_name,
        productType: r.product_type,
        bomType: r.bom_type,
        outputQuantity: Number(r.qty_output),
        active: r.active,
        revision: r.revision,
        version: r.version,
        lineCount: r.line_count,
        departments: r.departments,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
      })),
      total: rows[0]?.total ?? 0,
      skip: q.skip,
      limit: q.limit,
    };
  }

  /** The BOM as last read, until a BOM or product event says it may have changed. */
  get(id: string): Promise<BomResponse> {
    return this.cache.get(id, () => this.load(this.dataSource.manager, id));
  }

  async create(body: CreateBomRequest): Promise<BomResponse> {
    return this.conflicts(() =>
      this.tx.run(async (m) => {
        await m.query('select pg_advisory_xact_lock($1)', [BOM_GRAPH_LOCK]);
        await this.validate(m, body, null);
        const [{ id }] = await m.query(
          `insert into boms (product_id, bom_type, qty_output, active, revision) values ($1, $2, $3, true, $4) returning id`,
          [body.productId, body.bomType, body.outputQuantity ?? 1, body.revision ?? 1],
        );
        await this.writeLines(m, id, body);
        const saved = await this.load(m, id);
        await this.snapshot(m, saved, 'Created');
        await this.audit.record(m, { action: 'bom.created', entityType: 'bom', entityId: id, after: saved });
        await this.events.publish(m, 'bom.created', [id]);
        return saved;
      }),
    );
  }

  /** Saves a new revision: lines replaced, revision + 1, the new state kept as an immutable snapshot. */
  async update(id: string, body: UpdateBomRequest): Promise<BomResponse> {
    return this.conflicts(() =>
      this.tx.run(async (m) => {
        await m.query('select pg_advisory_xact_lock($1)', [BOM_GRAPH_LOCK]);
        const [current] = await m.query(
          'select * from boms where id = $1 and deleted_at is null for update',
          [id],
        );
        if (!current) throw notFound('bom', id);
        if (current.version !== body.version) throw staleVersion('bom', current.version);
        if (current.product_id !== body.productId) {
          throw validationFailed('A BOM stays with its product; create a new BOM for another product', [
            { field: 'productId', messages: ['cannot change'] },
          ]);
        }
        const before = await this.load(m, id);
        await this.validate(m, body, id);
        const revision = Math.max(current.revision + 1, body.revision ?? 0);
        await m.query(
          `update boms set bom_type = $2, qty_output = $3, revision = $4, version = version + 1, updated_at = now() where id = $1`,
          [id, body.bomType, body.outputQuantity ?? 1, revision],
        );
        await m.query('delete from bom_lines where bom_id = $1', [id]);
        await this.writeLines(m, id, body);
        const after = await this.load(m, id);
        await this.snapshot(m, after, body.revisionReason);
        await this.audit.record(m, { action: 'bom.revised', entityType: 'bom', entityId: id, before, after });
        await this.events.publish(m, 'bom.revised', [id]);
        return after;
      }),
    );
  }

  async remove(id: string): Promise<void> {
    await this.tx.run(async (m) => {
      const [current] = await m.query('select * from boms where id = $1 and deleted_at is null for update', [
        id,
      ]);
      if (!current) throw notFound('bom', id);
      const orders = await this.usage.usedBy(m, id);
      if (orders.length) {
        throw new AppError(
          409,
          'BOM_IN_USE',
          `The BOM is used by ${orders.length} approved or running manufacturing order(s)`,
          { orders },
        );
      }
      await m.query(
        'update boms set deleted_at = now(), active = false, version = version + 1, updated_at = now() where id = $1',
        [id],
      );
      await this.audit.record(m, {
        action: 'bom.deleted',
        entityType: 'bom',
        entityId: id,
        before: { active: current.active, revision: current.revision },
      });
      await this.events.publish(m, 'bom.deleted', [id]);
    });
  }

  async revisions(id: string): Promise<BomRevisionList> {
    const [bom] = await this.dataSource.query('select id from boms where id = $1', [id]);
    if (!bom) throw notFound('bom', id);
    const rows: BomRevisionRow[] = await this.dataSource.query(
      'select * from bom_revisions where bom_id = $1 order by revision desc',
      [id],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        revision: r.revision,
        reason: r.reason,
        author: r.author_id && r.author_username ? { id: r.author_id, username: r.author_username } : null,
        at: r.created_at.toISOString(),
        snapshot: upgradeSnapshot(r.snapshot),
        createdAt: r.created_at.toISOString(),
        updatedAt: r.created_at.toISOString(),
      })),
      total: rows.length,
      skip: 0,
      limit: rows.length,
    };
  }

  /** The full BOM as the API shows it: header, lines in order, variants; one round trip. */
  async load(m: EntityManager, id: string): Promise<BomResponse> {
    const rows: BomReadRow[] = await m.query(
      `select b.id as bom_id, b.product_id, b.bom_type, b.qty_output, b.active, b.revision, b.version,
              b.created_at as bom_created_at, b.updated_at as bom_updated_at,
              p.code as product_code, p.name as product_name, p.uom as product_uom,
              l.id, l.position, l.component_id, l.department, l.qty_needed, l.uom, l.wastage_percent,
              c.code, c.name, c.type, c.uom as component_uom,
              (select cb.id from boms cb where cb.product_id = l.component_id and cb.active and cb.deleted_at is null) as component_bom_id,
              coalesce((select json_agg(json_build_object('id', v.id, 'materialId', v.material_id, 'materialCode', mp.code, 'materialName', mp.name,
                                                          'variantType', v.variant_type, 'sequence', v.sequence, 'neededQuantity', v.qty_needed)
                                        order by v.sequence, mp.code)
                          from bom_line_variants v join products mp on mp.id = v.material_id where v.line_id = l.id), '[]') as variants
         from boms b
         join products p on p.id = b.product_id
         left join (bom_lines l join products c on c.id = l.component_id) on l.bom_id = b.id
        where b.id = $1 and b.deleted_at is null
        order by l.position`,
      [id],
    );
    if (rows.length === 0) throw notFound('bom', id);
    const b = rows[0];
    const lines = rows.filter((r): r is BomReadRow & BomLineRow => r.id !== null);
    return {
      id: b.bom_id,
      productId: b.product_id,
      productCode: b.product_code,
      productName: b.product_name,
      productUom: b.product_uom,
      bomType: b.bom_type,
      outputQuantity: Number(b.qty_output),
      active: b.active,
      revision: b.revision,
      version: b.version,
      lines: lines.map((l) => ({
        id: l.id,
        position: l.position,
        componentId: l.component_id,
        componentCode: l.code,
        componentName: l.name,
        componentType: l.type,
        componentUom: l.component_uom,
        componentBomId: l.component_bom_id,
        department: l.department,
        neededQuantity: Number(l.qty_needed),
        uom: l.uom,
        wastagePercent: Number(l.wastage_percent),
        variants: l.variants.map((v) => ({
          ...v,
          neededQuantity: v.neededQuantity === null ? null : Number(v.neededQuantity),
        })),
      })),
      createdAt: b.bom_created_at.toISOString(),
      updatedAt: b.bom_updated_at.toISOString(),
    };
  }

  /** 404 for unknown products, 422 for units that do not convert, duplicate variants, and cycles. */
  private async validate(m: EntityManager, body: CreateBomRequest, bomId: string | null): Promise<void> {
    const ids = new Set<string>([body.productId]);
    for (const line of body.lines) {
      ids.add(line.componentId);
      for (const v of line.variants ?? []) ids.add(v.materialId);
    }
    const rows: Array<{ id: string; code: string; uom: Unit; unit_conversions: UnitConversion[] }> =
      await m.query('select id, code, uom, unit_conversions from products where id = any($1::uuid[])', [
        [...ids],
      ]);
    const products = new Map(rows.map((r) => [r.id, r]));
    if (!products.has(body.productId)) throw notFound('product', body.productId);
    const errors: Array<{ field: string; messages: string[] }> = [];
    body.lines.forEach((line, i) => {
      const component = products.get(line.componentId);
      if (!component) throw notFound('product', line.componentId);
      const uom = line.uom ?? component.uom;
      if (!unitFactor(uom, component.uom, component.unit_conversions)) {
        errors.push({
          field: `lines.${i}.uom`,
          messages: [`${component.code} is stocked in ${component.uom}; ${uom} does not convert`],
        });
      }
      const seen = new Set<string>([line.componentId]);
      (line.variants ?? []).forEach((v, j) => {
        const material = products.get(v.materialId);
        if (!material) throw notFound('product', v.materialId);
        if (seen.has(v.materialId))
          errors.push({
            field: `lines.${i}.variants.${j}.materialId`,
            messages: ['the same material twice on one line'],
          });
        seen.add(v.materialId);
        if (!unitFactor(uom, material.uom, material.unit_conversions)) {
          errors.push({
            field: `lines.${i}.variants.${j}.materialId`,
            messages: [`${material.code} is stocked in ${material.uom}; ${uom} does not convert`],
          });
        }
      });
    });
    if (errors.length) throw validationFailed('Some lines are not valid', errors);

    const seeds = [...ids].filter((id) => id !== body.productId);
    const cyclic = body.lines.some(
      (l) => l.componentId === body.productId || l.variants?.some((v) => v.materialId === body.productId),
    );
    const [{ reaches }] = cyclic
      ? [{ reaches: true }]
      : await m.query(
          `with recursive reach(product_id) as (
             select unnest($1::uuid[])
             union
             select x.id from reach r
               join boms b on b.product_id = r.product_id and b.active and b.deleted_at is null and b.id is distinct from $3::uuid
               join bom_lines l on l.bom_id = b.id
               left join bom_line_variants v on v.line_id = l.id
               cross join lateral (values (l.component_id), (v.material_id)) x(id)
              where x.id is not null
           )
           select exists (select 1 from reach where product_id = $2) as reaches`,
          [seeds, body.productId, bomId],
        );
    if (reaches) {
      throw new AppError(
        422,
        'BOM_CYCLE',
        `${products.get(body.productId)!.code} would end up in its own bill of materials`,
        [{ field: 'lines', messages: ['the BOM graph would have a cycle'] }],
      );
    }
  }

  private async writeLines(m: EntityManager, bomId: string, body: CreateBomRequest): Promise<void> {
    for (const [position, line] of body.lines.entries()) {
      const [{ uom }] = await m.query('select uom from products where id = $1', [line.componentId]);
      const [{ id: lineId }] = await m.query(
        `insert into bom_lines (bom_id, position, component_id, department, qty_needed, uom, wastage_percent)
         values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [
          bomId,
          position + 1,
          line.componentId,
          line.department,
          line.neededQuantity,
          line.uom ?? uom,
          line.wastagePercent ?? 0,
        ],
      );
      for (const v of line.variants ?? []) {
        await m.query(
          `insert into bom_line_variants (line_id, material_id, variant_type, sequence, qty_needed) values ($1, $2, $3, $4, $5)`,
          [lineId, v.materialId, v.variantType, v.sequence, v.neededQuantity ?? null],
        );
      }
    }
  }

  private async snapshot(m: EntityManager, bom: BomResponse, reason: string): Promise<void> {
    const principal = RequestContext.principal();
    await m.query(
      `insert into bom_revisions (bom_id, revision, reason, author_id, author_username, snapshot) values ($1, $2, $3, $4, $5, $6)`,
      [
        bom.id,
        bom.revision,
        reason,
        principal?.userId ?? null,
        principal?.username ?? null,
        JSON.stringify(bom),
      ],
    );
  }

  private async conflicts<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      const constraint =
        (e as { constraint?: string; driverError?: { constraint?: string } }).driverError?.constraint ??
        (e as { constraint?: string }).constraint;
      if (isUniqueViolation(e) && constraint === 'boms_one_active_per_product') {
        throw new AppError(
          409,
          'BOM_ALREADY_ACTIVE',
          'The product already has an active BOM; revise it instead',
        );
      }
      throw e;
    }
  }
}
