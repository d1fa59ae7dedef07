import { Injectable } from '@nestjs/common';
import { WORK_SECTIONS } from '@kapok/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../../core/context/request-context.js';
import { kanbanWork } from '../kanban/kanban.work.js';
import { ppicWork } from '../ppic/orders/mo.work.js';
import { qualityWork } from '../quality/quality.work.js';
import { alertWork } from '../warehouse/alerts/alerts.work.js';
import type { MyWorkResponse, WorkSection } from './work.dto.js';
import type { WorkSectionRows } from './work.types.js';

/** A module's answer to "what waits for this person here": its sections, by its own SQL. */
export type WorkSource = (m: EntityManager, principal: Principal) => Promise<WorkSectionRows[]>;

/**
 * "My work": each module reads its own sections (one statement each, run side by side); this only
 * puts them in order. A module that adds a section (quality: lots to inspect) adds its source here.
 */
@Injectable()
export class WorkService {
  private readonly sources: readonly WorkSource[] = [ppicWork, kanbanWork, alertWork, qualityWork];

  constructor(private readonly dataSource: DataSource) {}

  async mine(principal: Principal): Promise<MyWorkResponse> {
    const m = this.dataSource.manager;
    const sections = (await Promise.all(this.sources.map((read) => read(m, principal)))).flat();
    sections.sort((a, b) => WORK_SECTIONS.indexOf(a.key) - WORK_SECTIONS.indexOf(b.key));
    return { sections: sections.map(toSection) };
  }
}

const toSection = (s: WorkSectionRows): WorkSection => ({
  key: s.key,
  count: s.rows[0]?.total ?? 0,
  items: s.rows.map((r) => ({
    id: r.id,
    kind: s.kind,
    number: r.number,
    productCode: r.product_code,
    quantity: r.quantity === null ? null : Number(r.quantity),
    uom: r.uom,
    state: r.state,
    department: r.department,
    at: r.at ? new Date(r.at).toISOString() : null,
  })),
});
