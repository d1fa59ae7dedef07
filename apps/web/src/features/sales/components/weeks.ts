import { factoryToday, isoWeekMonday, isoWeekOf } from '@kapok/contracts';

/** This ISO week and the next `count − 1`, plus any week already on the order, in order. */
export function weekOptions(count: number, keep: readonly string[] = []): string[] {
  const start = new Date(`${isoWeekMonday(isoWeekOf(factoryToday()))}T00:00:00Z`);
  const weeks = new Set(keep.filter(Boolean));
  for (let i = 0; i < count; i++) {
    const d = new Date(start.getTime() + i * 7 * 86_400_000);
    weeks.add(isoWeekOf(d.toISOString().slice(0, 10)));
  }
  return [...weeks].sort();
}
