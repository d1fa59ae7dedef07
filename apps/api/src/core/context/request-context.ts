import { AsyncLocalStorage } from 'node:async_hooks';
import type { Permission, Department } from '@kapok/contracts';

/** The signed-in user behind a request, as the guards resolved it. */
export interface Principal {
  userId: string;
  username: string;
  sessionId: string;
  roleCode: string;
  department: Department | null;
  permissions: ReadonlySet<Permission>;
  /** Set when another program called with an `x-api-key`: `userId` is then the key's id. */
  apiKey?: { id: string; name: string };
}

export interface RequestStore {
  requestId: string;
  principal?: Principal;
  /** The request's Idempotency-Key; the command's transaction claims it and commits it with its work. */
  idempotency?: { userId: string; key: string; requestHash: string; committed: boolean };
  /** SQL statements this request sent (counted by the data source's logger). */
  statements?: number;
}

const storage = new AsyncLocalStorage<RequestStore>();
const byRequest = new WeakMap<object, RequestStore>();

/** Per-request values (request id, principal) that audit and services read without threading them through. */
export const RequestContext = {
  run<T>(store: RequestStore, fn: () => T): T {
    return storage.run(store, fn);
  },
  /** Runs `fn` in a new store that stays reachable from `request` after the answer (for metrics). */
  runFor<T>(request: object, store: RequestStore, fn: () => T): T {
    byRequest.set(request, store);
    return storage.run(store, fn);
  },
  of(request: object): RequestStore | undefined {
    return byRequest.get(request);
  },
  current(): RequestStore | undefined {
    return storage.getStore();
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
  principal(): Principal | undefined {
    return storage.getStore()?.principal;
  },
  setPrincipal(principal: Principal): void {
    const store = storage.getStore();
    if (store) store.principal = principal;
  },
};
