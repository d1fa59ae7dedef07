import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PostingTouched {
  productIds: string[];
  locationIds: string[];
}

export type PostingHook = (manager: EntityManager, touched: PostingTouched) => Promise<void>;

/** Other modules react inside a posting's transaction (kanban replenishment) without the warehouse knowing them. */
@Injectable()
export class PostingHooks {
  private readonly hooks: PostingHook[] = [];

  register(hook: PostingHook): void {
    this.hooks.push(hook);
  }

  async run(manager: EntityManager, touched: PostingTouched): Promise<void> {
    for (const hook of this.hooks) await hook(manager, touched);
  }
}
