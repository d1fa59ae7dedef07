import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Something that can hold a BOM in use (an APPROVED or IN_PROGRESS manufacturing order). */
export type BomUsageCheck = (manager: EntityManager, bomId: string) => Promise<string[]>;

/** Modules that use BOMs register a check here; deleting a BOM asks all of them. */
@Injectable()
export class BomUsageRegistry {
  private readonly checks: BomUsageCheck[] = [];

  register(check: BomUsageCheck): void {
    this.checks.push(check);
  }

  async usedBy(manager: EntityManager, bomId: string): Promise<string[]> {
    const results = await Promise.all(this.checks.map((check) => check(manager, bomId)));
    return results.flat();
  }
}
