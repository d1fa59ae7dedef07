import type { Destination, ShipmentState } from '@kapok/contracts';

export interface ShipmentFilters {
  state?: ShipmentState;
  customerId?: string;
  salesOrderId?: string;
  search?: string;
  skip: number;
  limit: number;
}

/** Every shipping query key is made here; shipment and sales-order events refresh `all`. */
export const shippingKeys = {
  all: ['shipping'] as const,
  list: (filters: ShipmentFilters) => [...shippingKeys.all, 'list', filters] as const,
  shipment: (id: string) => [...shippingKeys.all, 'detail', id] as const,
  openLines: (customerId: string, week?: string, destination?: Destination) =>
    [...shippingKeys.all, 'open-lines', customerId, week ?? '', destination ?? ''] as const,
};
