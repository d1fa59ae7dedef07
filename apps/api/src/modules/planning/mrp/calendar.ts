/**
 * The planning calendar: plain dates (`YYYY-MM-DD`, the factory day in Asia/Jakarta), ISO weeks and
 * working days (Monday–Friday). Pure functions over UTC midnights, so no time zone can shift a day.
 */
import { exFactoryDate, factoryToday, isoWeekOf } from '@kapok/contracts';

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

/** The ISO week of a day (`YYYY-Www`), as sales orders name their delivery weeks. */
export const isoWeek = (d: PlanDate): string => isoWeekOf(d);

/**
 * Answers of the working-day walks, which a run asks for again and again with the same few dates and
 * lead times (a walk costs a date parse and format per day). Dropped whole when it gets large.
 */
const walks = new Map<string, PlanDate>();
const MAX_WALKS = 20_000;

function remembered(key: string, walk: () => PlanDate): PlanDate {
  let answer = walks.get(key);
  if (answer === undefined) {
    if (walks.size >= MAX_WALKS) walks.clear();
    answer = walk();
    walks.set(key, answer);
  }
  return answer;
}

/** `days` working days before a date (a weekend day first steps back to Friday; 0 days is the day itself). */
export function subtractWorkingDays(d: PlanDate, days: number): PlanDate {
  if (days === 0) return d;
  return remembered(`${d}-${days}`, () => walkBack(d, days));
}

function walkBack(d: PlanDate, days: number): PlanDate {
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
  return remembered(`${d}+${days}`, () => walkOn(d, days));
}

function walkOn(d: PlanDate, days: number): PlanDate {
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

/** The factory's date rules shared with sales orders and the web (libs/contracts). */
export { exFactoryDate, factoryToday };
