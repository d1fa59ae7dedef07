import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Department, LocationType } from '@kapok/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../../core/errors/app-error.js';
import { EventsHub } from '../../../core/events/events.hub.js';
import { unknownLocation } from '../warehouse.errors.js';

export interface LocationInfo {
  id: string;
  code: string;
  type: LocationType;
  department: Department | null;
  isFinishedGoods: boolean;
  /** SUBCONTRACTOR locations: the partner holding the goods. */
  partnerId: string | null;
  active: boolean;
}

interface LocationRow {
  id: string;
  code: string;
  type: LocationType;
  department: Department | null;
  is_finished_goods: boolean;
  partner_id: string | null;
  active: boolean;
}

/**
 * Every location of the factory, kept in memory: a factory has dozens, and every stock command asks
 * for its racks, a line or a virtual location. Dropped on any `location.*` event (all instances) and by
 * this instance's location commands; a lookup that misses reloads once, so a location created a moment
 * ago on another instance is still found.
 */
@Injectable()
export class Locations implements OnModuleInit {
  private all: Promise<Map<string, LocationInfo>> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly hub: EventsHub,
  ) {}

  onModuleInit(): void {
    this.hub.subscribe((event) => {
      if (event.type.startsWith('location.')) this.invalidate();
    });
  }

  invalidate(): void {
    this.all = undefined;
  }

  /** A location by id, or 404-like `UNKNOWN_LOCATION` when it does not exist. */
  async get(id: string, m?: EntityManager): Promise<LocationInfo> {
    return (await this.find(id, m)) ?? Promise.reject(unknownLocation(id));
  }

  async find(id: string, m?: EntityManager): Promise<LocationInfo | undefined> {
    return (await this.load(m)).get(id) ?? (await this.reload(m)).get(id);
  }

  /** Codes by id, as people know the racks. */
  async codes(m?: EntityManager): Promise<Map<string, string>> {
    return new Map([...(await this.load(m)).values()].map((l) => [l.id, l.code]));
  }

  /** Types of the given locations; throws `UNKNOWN_LOCATION` for one that does not exist. */
  async types(ids: Iterable<string>, m?: EntityManager): Promise<Map<string, LocationType>> {
    const wanted = [...ids];
    let all = await this.load(m);
    if (wanted.some((id) => !all.has(id))) all = await this.reload(m);
    const out = new Map<string, LocationType>();
    for (const id of wanted) {
      const l = all.get(id);
      if (!l) throw unknownLocation(id);
      out.set(id, l.type);
    }
    return out;
  }

  /** The active warehouse racks materials are reserved and issued from, by code (not finished goods). */
  async racks(m?: EntityManager): Promise<string[]> {
    const racks = await this.pick((l) => l.type === 'WAREHOUSE' && !l.isFinishedGoods && l.active, m);
    if (racks.length === 0)
      throw new AppError(409, 'NO_WAREHOUSE', 'There is no warehouse rack to take materials from');
    return racks.map((l) => l.id);
  }

  async line(department: string, m?: EntityManager): Promise<string | null> {
    return (await this.one((l) => l.type === 'LINE' && l.department === department, m))?.id ?? null;
  }

  async transit(department: string, m?: EntityManager): Promise<string | null> {
    return (await this.one((l) => l.type === 'TRANSIT' && l.department === department, m))?.id ?? null;
  }

  /** The consignment location of a subcontractor, or null before anything was sent there. */
  async consignment(partnerId: string, m?: EntityManager): Promise<string | null> {
    return (await this.one((l) => l.type === 'SUBCONTRACTOR' && l.partnerId === partnerId, m))?.id ?? null;
  }

  async finishedGoods(m?: EntityManager): Promise<string | null> {
    return (await this.one((l) => l.isFinishedGoods, m))?.id ?? null;
  }

  /** The virtual location of a type (PRODUCTION, LOSS, SUPPLIER, CUSTOMER); seeded, so always there. */
  async virtual(type: 'PRODUCTION' | 'LOSS' | 'SUPPLIER' | 'CUSTOMER', m?: EntityManager): Promise<string> {
    const found = await this.one((l) => l.type === type, m);
    if (!found) throw new AppError(409, 'NO_LOCATION', `There is no ${type} location`);
    return found.id;
  }

  private async pick(test: (l: LocationInfo) => boolean, m?: EntityManager): Promise<LocationInfo[]> {
    let found = [...(await this.load(m)).values()].filter(test);
    if (found.length === 0) found = [...(await this.reload(m)).values()].filter(test);
    return found.sort((a, b) => a.code.localeCompare(b.code));
  }

  private async one(
    test: (l: LocationInfo) => boolean,
    m?: EntityManager,
  ): Promise<LocationInfo | undefined> {
    return (await this.pick(test, m))[0];
  }

  private load(m?: EntityManager): Promise<Map<string, LocationInfo>> {
    return (this.all ??= this.query(m));
  }

  private reload(m?: EntityManager): Promise<Map<string, LocationInfo>> {
    this.all = this.query(m);
    return this.all;
  }

  private query(m?: EntityManager): Promise<Map<string, LocationInfo>> {
    const loaded = (m ?? this.dataSource.manager)
      .query('select id, code, type, department, is_finished_goods, partner_id, active from locations')
      .then(
        (rows: LocationRow[]) =>
          new Map(
            rows.map((r) => [
              r.id,
              {
                id: r.id,
                code: r.code,
                type: r.type,
                department: r.department,
                isFinishedGoods: r.is_finished_goods,
                partnerId: r.partner_id,
                active: r.active,
              },
            ]),
          ),
      );
    // A failed load is not kept.
    loaded.catch(() => {
      if (this.all === loaded) this.all = undefined;
    });
    return loaded;
  }
}
