import type { LotQualityStatus } from '@kapok/contracts';

/** Every quality query key is made here; a quality event refreshes everything under `all`. */
export const qualityKeys = {
  all: ['quality'] as const,
  lots: (status: readonly LotQualityStatus[]) => ['quality', 'lots', [...status].sort()] as const,
  samplingPlan: (lotSize: number, aql: number) => ['quality', 'sampling-plan', lotSize, aql] as const,
  finishing: () => ['quality', 'finishing-work-orders'] as const,
  inspections: (workOrderId: string) => ['quality', 'inspections', workOrderId] as const,
  testPlan: (productId: string) => ['quality', 'test-plan', productId] as const,
  labTests: (lotId: string) => ['quality', 'lab-tests', lotId] as const,
  weights: (productId: string) => ['quality', 'weights', productId] as const,
  articles: () => ['quality', 'articles'] as const,
};
