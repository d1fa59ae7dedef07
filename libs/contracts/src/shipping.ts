import type { Permission } from './permissions.js';
import type { Destination } from './sales.js';

/** A shipment's states (quality-shipping.md, Shipping finished goods). */
export const SHIPMENT_STATES = ['DRAFT', 'PICKED', 'SHIPPED', 'CANCELLED'] as const;
export type ShipmentState = (typeof SHIPMENT_STATES)[number];

export type ShipmentAction = 'pick' | 'ship' | 'cancel';

/** Pick reserves released stock, ship posts it to the customer, cancel releases everything. */
export const SHIPMENT_TRANSITIONS: Record<
  ShipmentAction,
  { from: readonly ShipmentState[]; to: ShipmentState; permission: Permission }
> = {
  pick: { from: ['DRAFT'], to: 'PICKED', permission: 'shipping.update' },
  ship: { from: ['PICKED'], to: 'SHIPPED', permission: 'shipping.approve' },
  cancel: { from: ['DRAFT', 'PICKED'], to: 'CANCELLED', permission: 'shipping.update' },
};

export const SHIPMENT_ACTIONS = Object.keys(SHIPMENT_TRANSITIONS) as ShipmentAction[];

/** Shipments in these states hold quantity of their sales-order lines (a new shipment cannot take it again). */
export const OPEN_SHIPMENT_STATES: readonly ShipmentState[] = ['DRAFT', 'PICKED'];

/** What one portion of a shipment line is packed from: one article × destination × production week. */
export interface PackingInput {
  /** The caller's key (a shipment line and week), kept on every carton packed from it. */
  key: string;
  productId: string;
  articleCode: string;
  destination: Destination;
  /** ISO production week `YYYY-Www`. */
  week: string;
  /** Whole pieces. */
  quantity: number;
  piecesPerCarton: number;
  cartonsPerPallet: number;
}

export interface PackedCarton {
  /** 1…N, sequential over the shipment. */
  no: number;
  key: string;
  productId: string;
  destination: Destination;
  week: string;
  quantity: number;
  /** The last carton of a portion holding fewer than a full carton's pieces. */
  partial: boolean;
  palletNo: number;
  barcode: string;
}

export interface PackedPallet {
  no: number;
  productId: string;
  articleCode: string;
  destination: Destination;
  week: string;
  cartons: number;
  quantity: number;
}

export interface PackingPlan {
  cartons: PackedCarton[];
  pallets: PackedPallet[];
}

/**
 * The carton barcode of the original system (Code 128): destination, the two-digit production week,
 * the article code and the six-digit carton number, `EU0540551542000001`.
 */
export function cartonBarcode(
  destination: string,
  week: string,
  articleCode: string,
  cartonNo: number,
): string {
  const ww = /W(\d{2})$/.exec(week)?.[1] ?? week.padStart(2, '0').slice(-2);
  return `${destination}${ww}${articleCode}${String(cartonNo).padStart(6, '0')}`;
}

const positiveWhole = (n: number) => Number.isInteger(n) && n > 0;

/**
 * The packing plan (the SOP's segregation): cartons of `piecesPerCarton`, the last carton of each
 * portion partial when the pieces do not divide; pallets of `cartonsPerPallet`, each holding a single
 * article × destination × week, never two. Portions are packed by destination, week, article, then
 * in the order given; carton and pallet numbers run over the whole shipment.
 */
export function planPacking(inputs: readonly PackingInput[]): PackingPlan {
  for (const i of inputs) {
    if (!positiveWhole(i.quantity)) throw new RangeError(`${i.key}: quantity must be a whole number > 0`);
    if (!positiveWhole(i.piecesPerCarton))
      throw new RangeError(`${i.articleCode}: pieces per carton must be > 0`);
    if (!positiveWhole(i.cartonsPerPallet))
      throw new RangeError(`${i.articleCode}: cartons per pallet must be > 0`);
  }
  const groupOf = (i: PackingInput) => `${i.destination}|${i.week}|${i.articleCode}`;
  const order = inputs
    .map((input, index) => ({ input, index }))
    .sort(
      (a, b) =>
        a.input.destination.localeCompare(b.input.destination) ||
        a.input.week.localeCompare(b.input.week) ||
        a.input.articleCode.localeCompare(b.input.articleCode) ||
        a.index - b.index,
    );
  const cartons: PackedCarton[] = [];
  const pallets: PackedPallet[] = [];
  let pallet: PackedPallet | null = null;
  let palletGroup = '';
  for (const { input } of order) {
    let left = input.quantity;
    while (left > 0) {
      const quantity = Math.min(left, input.piecesPerCarton);
      left -= quantity;
      const group = groupOf(input);
      if (!pallet || palletGroup !== group || pallet.cartons >= input.cartonsPerPallet) {
        pallet = {
          no: pallets.length + 1,
          productId: input.productId,
          articleCode: input.articleCode,
          destination: input.destination,
          week: input.week,
          cartons: 0,
          quantity: 0,
        };
        palletGroup = group;
        pallets.push(pallet);
      }
      pallet.cartons += 1;
      pallet.quantity += quantity;
      const no = cartons.length + 1;
      cartons.push({
        no,
        key: input.key,
        productId: input.productId,
        destination: input.destination,
        week: input.week,
        quantity,
        partial: quantity < input.piecesPerCarton,
        palletNo: pallet.no,
        barcode: cartonBarcode(input.destination, input.week, input.articleCode, no),
      });
    }
  }
  return { cartons, pallets };
}
