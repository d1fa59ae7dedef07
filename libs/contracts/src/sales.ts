import type { Permission } from './permissions.js';

/** Where the buyer ships a line to; packing segregates them, so planning never mixes two. */
export const DESTINATIONS = ['EU', 'AP', 'CA', 'GB', 'ME', 'NA', 'US'] as const;
export type Destination = (typeof DESTINATIONS)[number];

export const SALES_ORDER_STATES = [
  'DRAFT',
  'CONFIRMED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'CLOSED',
  'CANCELLED',
] as const;
export type SalesOrderState = (typeof SALES_ORDER_STATES)[number];

/** The commands a person gives on the order's page. */
export type SalesOrderAction = 'confirm' | 'cancel' | 'close';
/** Every transition: the people's commands and the two a shipment takes. */
export type SalesOrderTransition = SalesOrderAction | 'ship_partially' | 'ship';

/**
 * The sales-order state machine of planning.md. Cancel is only reachable while nothing has shipped
 * (shipping moves the order on to PARTIALLY_SHIPPED); a manual close ends a partly shipped order.
 */
export const SALES_ORDER_TRANSITIONS: Record<
  SalesOrderTransition,
  { from: readonly SalesOrderState[]; to: SalesOrderState; permission: Permission }
> = {
  confirm: { from: ['DRAFT'], to: 'CONFIRMED', permission: 'sales.approve' },
  cancel: { from: ['DRAFT', 'CONFIRMED'], to: 'CANCELLED', permission: 'sales.update' },
  close: { from: ['PARTIALLY_SHIPPED', 'SHIPPED'], to: 'CLOSED', permission: 'sales.update' },
  ship_partially: {
    from: ['CONFIRMED', 'PARTIALLY_SHIPPED'],
    to: 'PARTIALLY_SHIPPED',
    permission: 'shipping.approve',
  },
  ship: { from: ['CONFIRMED', 'PARTIALLY_SHIPPED'], to: 'SHIPPED', permission: 'shipping.approve' },
};

/** The actions a person takes on the order's page (the ship actions come from a shipment). */
export const SALES_ORDER_ACTIONS: readonly SalesOrderAction[] = ['confirm', 'cancel', 'close'];

/** Lines of these orders are demand for planning. */
export const DEMAND_SALES_ORDER_STATES: readonly SalesOrderState[] = ['CONFIRMED', 'PARTIALLY_SHIPPED'];

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The Monday of ISO week 1 of a year, as a UTC date (the week holding 4 January). */
function week1Monday(year: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const weekday = (jan4.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(Date.UTC(year, 0, 4 - weekday));
}

/** The number of ISO weeks of a year: 53 when it starts or (leap year) ends on a Thursday. */
export function isoWeeksInYear(year: number): number {
  const next = week1Monday(year + 1).getTime();
  return Math.round((next - week1Monday(year).getTime()) / (7 * 86_400_000));
}

/** True for `YYYY-Www` naming a week that exists (W53 only in long years). */
export function isIsoWeek(value: string): boolean {
  const match = ISO_WEEK.exec(value);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= isoWeeksInYear(Number(match[1]));
}

const toDateString = (d: Date) => d.toISOString().slice(0, 10);

/** The Monday (`YYYY-MM-DD`) of an ISO week `YYYY-Www`; throws on a week that does not exist. */
export function isoWeekMonday(week: string): string {
  if (!isIsoWeek(week)) throw new RangeError(`${week} is not an ISO week (YYYY-Www)`);
  const [, year, w] = ISO_WEEK.exec(week)!;
  const monday = week1Monday(Number(year));
  monday.setUTCDate(monday.getUTCDate() + (Number(w) - 1) * 7);
  return toDateString(monday);
}

/** The ISO week `YYYY-Www` of a calendar date `YYYY-MM-DD`. */
export function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - week1Monday(year).getTime()) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Today's calendar date in the factory's time zone (Asia/Jakarta, UTC+7 all year). */
export function factoryToday(now: Date = new Date()): string {
  return toDateString(new Date(now.getTime() + 7 * 3_600_000));
}

/**
 * The ex-factory date of a sales-order line (planning.md): the Monday of its delivery week, a
 * calendar date in Asia/Jakarta, minus the customer's transit days to the destination port.
 */
export function exFactoryDate(deliveryWeek: string, transitDays: number): string {
  if (!Number.isInteger(transitDays) || transitDays < 0)
    throw new RangeError('transitDays must be a whole number ≥ 0');
  const monday = new Date(`${isoWeekMonday(deliveryWeek)}T00:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() - transitDays);
  return toDateString(monday);
}
