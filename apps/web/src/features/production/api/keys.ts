import type { Department } from '@kapok/contracts';

export interface WorkOrderFilters {
  department?: Department;
}

export interface HandoverFilters {
  /** The receiving department. */
  department?: Department;
  state?: 'PENDING' | 'ACCEPTED';
}

/** Every production query key is made here; invalidating a root refreshes everything under it. */
export const productionKeys = {
  all: ['production'] as const,
  workOrders: () => [...productionKeys.all, 'work-orders'] as const,
  workOrderList: (filters: WorkOrderFilters) => [...productionKeys.workOrders(), filters] as const,
  handovers: () => [...productionKeys.all, 'handovers'] as const,
  handoverList: (filters: HandoverFilters) => [...productionKeys.handovers(), filters] as const,
  /** Shop-floor control: the line board, the line alerts, a handover's check before sending. */
  lines: () => [...productionKeys.all, 'lines'] as const,
  lineAlerts: () => [...productionKeys.all, 'line-alerts'] as const,
  handoverCheck: (workOrderId: string) => [...productionKeys.all, 'handover-check', workOrderId] as const,
};
