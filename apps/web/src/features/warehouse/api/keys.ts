import type { AlertLevel, AlertStatus, MoveType, ProductType } from '@kapok/contracts';

export interface StockSummaryFilters {
  search?: string;
  type?: ProductType;
  alertLevel?: AlertLevel;
  skip: number;
  limit: number;
}

export interface MoveFilters {
  productId?: string;
  locationId?: string;
  type?: MoveType;
  /** UTC ISO instants. */
  from?: string;
  to?: string;
  skip: number;
  limit: number;
}

export interface AlertFilters {
  status?: AlertStatus;
  level?: AlertLevel;
  productId?: string;
  skip: number;
  limit: number;
}

/**
 * Every warehouse query key is made here. Stock (summary, balances, ledger, lots) changes with every
 * posting, so it shares one root; alerts and thresholds have their own, refreshed by their events.
 */
export const warehouseKeys = {
  all: ['warehouse'] as const,
  stock: () => [...warehouseKeys.all, 'stock'] as const,
  summary: () => [...warehouseKeys.stock(), 'summary'] as const,
  summaryList: (filters: StockSummaryFilters) => [...warehouseKeys.summary(), filters] as const,
  productStock: (productId: string) => [...warehouseKeys.stock(), 'product', productId] as const,
  moves: (filters: MoveFilters) => [...warehouseKeys.stock(), 'moves', filters] as const,
  products: () => [...warehouseKeys.all, 'products'] as const,
  product: (id: string) => [...warehouseKeys.products(), 'detail', id] as const,
  locations: () => [...warehouseKeys.all, 'locations'] as const,
  alerts: () => [...warehouseKeys.all, 'alerts'] as const,
  alertList: (filters: AlertFilters) => [...warehouseKeys.alerts(), 'list', filters] as const,
  openAlertCount: () => [...warehouseKeys.alerts(), 'open-count'] as const,
  thresholds: () => [...warehouseKeys.all, 'thresholds'] as const,
  productThresholds: (productId: string) => [...warehouseKeys.thresholds(), productId] as const,
  /** Open purchase-order lines for the receive screen: they change with every PO and receipt event. */
  receiving: () => [...warehouseKeys.all, 'receiving'] as const,
  receivable: (search: string) => [...warehouseKeys.receiving(), search] as const,
};
