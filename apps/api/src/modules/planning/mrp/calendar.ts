/**
 * The planning calendar: plain dates (`YYYY-MM-DD`, the factory day in Asia/Jakarta), ISO weeks and
 * working days (Monday–Friday). Pure functions over UTC midnights, so no time zone can shift a day.
 */
const DAY = 86_400_000;

export type PlanDate = string;

const parse = (d: PlanDate): number => Date.parse(`${d}T00:00:00Z`);
const format = (t: number): PlanDate => new Date(t).toISOString().slice(0, 10);

export function addDays(d: PlanDate, days: number): PlanDate {
  return format(parse(d) + days * DAY);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: PlanDate): number {
  return ((new Date(parse(d)).getUTCDay() + 6) % 7) + 1;
}

export const isWorkingDay = (d: PlanDate) => isoWeekday(d) <= 5;

export function mondayOf(d: PlanDate): PlanDate {
  return addDays(d, 1 - isoWeekday(d));
}

/** The ISO week of a day, `YYYY-Www`. */
export function isoWeek(d: PlanDate): string {
  const thursday = new Date(parse(d) + (4 - isoWeekday(d)) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week `YYYY-Www`. */
export function mondayOfIsoWeek(week: string): PlanDate {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new Error(`not an ISO week: ${week}`);
  // 4 January is always in week 1.
  const week1 = mondayOf(`${match[1]}-01-04`);
  return addDays(week1, (Number(match[2]) - 1) * 7);
}

/** `days` working days before a date (a weekend day first steps back to Friday; 0 days is the day itself). */
export function subtractWorkingDays(d: PlanDate, days: number): PlanDate {
  if (days === 0) return d;
  let current = d;
  while (!isWorkingDay(current)) current = addDays(current, -1);
  for (let left = days; left > 0;) {
    current = addDays(current, -1);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

/** `days` working days after a date (a weekend day first steps on to Monday; 0 days is the day itself). */
export function addWorkingDays(d: PlanDate, days: number): PlanDate {
  if (days === 0) return d;
  let current = d;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  for (let left = days; left > 0;) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: PlanDate, b: PlanDate): number {
  return Math.round((parse(b) - parse(a)) / DAY);
}

/** The ex-factory date of a sales-order line: Monday of its delivery week minus the customer's transit days. */
export function exFactoryDate(deliveryWeek: string, transitDays: number): PlanDate {
  return addDays(mondayOfIsoWeek(deliveryWeek), -transitDays);
}

/** Today in Asia/Jakarta (UTC+7, no daylight saving). */
export function factoryToday(now: Date = new Date()): PlanDate {
  return format(now.getTime() + 7 * 3_600_000).slice(0, 10);
}
