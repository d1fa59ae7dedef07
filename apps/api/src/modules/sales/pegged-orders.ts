import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PeggedManufacturingOrder } from './dto/sales.dto.js';

/** The MOs pegged to sales-order lines, by line id (read from the ppic module, which owns the MOs). */
@Injectable()
export class PeggedOrders {
  async bySalesOrderLines(
    _m: EntityManager,
    _lineIds: readonly string[],
  ): Promise<Map<string, PeggedManufacturingOrder[]>> {
    return new Map();
  }
}
