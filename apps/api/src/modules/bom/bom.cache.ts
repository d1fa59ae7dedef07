/**
 * What a BOM answer or an explosion tree shows (the BOM's header and lines, its components' products
 * and active BOMs) changes only with a `bom.*` or `product.*` event: the BOM module keeps them until one
 * arrives (from this instance at commit, from the others by NOTIFY), for the BOMs read last.
 */
export const BOM_CACHE_DROP_ON = /^(bom|product)\./;
/** A safety net: the events above already drop everything they change. */
export const BOM_CACHE_TTL_MS = 10 * 60_000;
export const BOM_CACHE_ENTRIES = 2_000;
