import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../../core/audit/audit.writer.js';
import { isCheckViolation, isUniqueViolation } from '../../../core/database/db-errors.js';
import { Transactions } from '../../../core/database/transactions.js';
import { AppError, notFound } from '../../../core/errors/app-error.js';
import { EventPublisher } from '../../../core/events/event-publisher.js';
import { escapeLike } from '../../../core/database/like.js';
import type {
  CreateLocationRequest,
  LocationPage,
  LocationQuery,
  LocationResponse,
  UpdateLocationRequest,
} from '../dto/location.dto.js';
import { isInternal, LocationEntity } from '../entities/location.entity.js';
import { Locations } from './location-directory.js';

@Injectable()
export class LocationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly directory: Locations,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  async list(q: LocationQuery): Promise<LocationPage> {
    const qb = this.dataSource.getRepository(LocationEntity).createQueryBuilder('l');
    if (q.type) qb.andWhere('l.type = :type', { type: q.type });
    if (q.department) qb.andWhere('l.department = :department', { department: q.department });
    if (q.search) qb.andWhere('(l.code ilike :s or l.name ilike :s)', { s: `%${escapeLike(q.search)}%` });
    const [rows, total] = await qb
      .orderBy('l.type')
      .addOrderBy('l.code')
      .skip(q.skip)
      .take(q.limit)
      .getManyAndCount();
    return { items: rows.map(toLocationResponse), total, skip: q.skip, limit: q.limit };
  }

  async get(id: string): Promise<LocationEntity> {
    const location = await this.dataSource.getRepository(LocationEntity).findOneBy({ id });
    if (!location) throw notFound('location', id);
    return location;
  }

  async create(body: CreateLocationRequest): Promise<LocationResponse> {
    const needsDepartment = body.type === 'LINE' || body.type === 'TRANSIT';
    if (needsDepartment !== !!body.department) {
      throw new AppError(
        422,
        'VALIDATION_FAILED',
        needsDepartment
          ? `A ${body.type} location needs a department`
          : 'Only LINE and TRANSIT locations have a department',
        [
          {
            field: 'department',
            messages: [needsDepartment ? 'required for LINE and TRANSIT' : 'only for LINE and TRANSIT'],
          },
        ],
      );
    }
    if (body.isFinishedGoods && body.type !== 'WAREHOUSE') {
      throw new AppError(422, 'VALIDATION_FAILED', 'Only a WAREHOUSE location can hold finished goods', [
        { field: 'isFinishedGoods', messages: ['only for WAREHOUSE'] },
      ]);
    }
    try {
      return await this.committed(async (m) => {
        const location = await m.save(
          m.create(LocationEntity, {
            code: body.code,
            name: body.name.trim(),
            type: body.type,
            department: body.department ?? null,
            isFinishedGoods: body.isFinishedGoods ?? false,
            active: true,
          }),
        );
        const after = toLocationResponse(location);
        await this.audit.record(m, {
          action: 'location.created',
          entityType: 'location',
          entityId: location.id,
          after,
        });
        await this.events.publish(m, 'location.created', [location.id]);
        return after;
      });
    } catch (e) {
      if (isUniqueViolation(e)) {
        const detail = String(
          (e as { detail?: string }).detail ??
            (e as { driverError?: { detail?: string } }).driverError?.detail ??
            '',
        );
        const message = detail.includes('(code)')
          ? `A location with the code ${body.code} already exists`
          : body.department
            ? `${body.department} already has a ${body.type} location`
            : body.isFinishedGoods
              ? 'There is already a finished-goods warehouse'
              : `There is already a ${body.type} location`;
        throw new AppError(409, 'DUPLICATE_CODE', message, { code: body.code });
      }
      if (isCheckViolation(e))
        throw new AppError(422, 'VALIDATION_FAILED', 'The location breaks a location rule');
      throw e;
    }
  }

  /** Runs a location command; the directory other modules read drops its copy once it committed. */
  private async committed<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.tx.run(work);
    } finally {
      this.directory.invalidate();
    }
  }

  /** Renames or (de)activates a location; its code, type and department never change. */
  async update(id: string, body: UpdateLocationRequest): Promise<LocationResponse> {
    return this.committed(async (m) => {
      const location = await m.findOne(LocationEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!location) throw notFound('location', id);
      if (!isInternal(location.type) && body.active === false) {
        throw new AppError(
          409,
          'VIRTUAL_LOCATION',
          `${location.code} is a virtual location the stock ledger needs; it stays active`,
        );
      }
      const before = toLocationResponse(location);
      await m.update(
        LocationEntity,
        { id },
        { name: body.name?.trim() ?? location.name, active: body.active ?? location.active },
      );
      const after = toLocationResponse(await m.findOneByOrFail(LocationEntity, { id }));
      await this.audit.record(m, {
        action: 'location.updated',
        entityType: 'location',
        entityId: id,
        before,
        after,
      });
      await this.events.publish(m, 'location.updated', [id]);
      return after;
    });
  }

  /** Id of the one virtual location of a type (SUPPLIER, CUSTOMER, PRODUCTION, LOSS); they never change. */
  virtual(type: 'SUPPLIER' | 'CUSTOMER' | 'PRODUCTION' | 'LOSS'): Promise<string> {
    return this.directory.virtual(type);
  }
}

export const toLocationResponse = (l: LocationEntity): LocationResponse => ({
  id: l.id,
  code: l.code,
  name: l.name,
  type: l.type,
  department: l.department,
  isFinishedGoods: l.isFinishedGoods,
  internal: isInternal(l.type),
  partnerId: l.partnerId,
  active: l.active,
  createdAt: l.createdAt.toISOString(),
  updatedAt: l.updatedAt.toISOString(),
});
