import { unwrap, type Schemas } from '@kapok/api-client';
import type { AQL_VALUES, LotQualityStatus } from '@kapok/contracts';

export type Aql = (typeof AQL_VALUES)[number];
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/session';
import { qualityKeys } from './keys';

export type QualityLot = Schemas['QualityLotResponse'];
export type Inspection = Schemas['InspectionResponse'];
export type InspectionBody = Schemas['CreateInspectionRequest'];
export type LabTest = Schemas['LabTestResponse'];
export type TestPlan = Schemas['TestPlanResponse'];
export type WeightSeries = Schemas['WeightSeriesResponse'];
export type FinishingWorkOrder = Schemas['WorkOrderResponse'];
export type LabTestType = Schemas['LabTestType'];

export const qualityQueries = {
  /** Lots with stock in the given statuses. */
  lots: (status: readonly LotQualityStatus[]) =>
    queryOptions({
      queryKey: qualityKeys.lots(status),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/quality/lots', {
            params: { query: { status: [...status] } },
            signal,
          }),
        ).items,
    }),
  samplingPlan: (lotSize: number, aql: Aql) =>
    queryOptions({
      queryKey: qualityKeys.samplingPlan(lotSize, aql),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/quality/sampling-plan', {
            params: { query: { lotSize, aql } },
            signal,
          }),
        ),
      staleTime: Infinity,
    }),
  /** Finishing work orders in progress: the ones the metal detector and the scale work on. */
  finishing: () =>
    queryOptions({
      queryKey: qualityKeys.finishing(),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/production/work-orders', {
            params: { query: { department: 'FINISHING' } },
            signal,
          }),
        ).items.filter((wo) => wo.state === 'IN_PROGRESS'),
    }),
  inspections: (workOrderId: string) =>
    queryOptions({
      queryKey: qualityKeys.inspections(workOrderId),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/quality/inspections', {
            params: { query: { workOrderId, limit: 20 } },
            signal,
          }),
        ).items,
    }),
  testPlan: (productId: string) =>
    queryOptions({
      queryKey: qualityKeys.testPlan(productId),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/quality/test-plans/{productId}', {
            params: { path: { productId } },
            signal,
          }),
        ),
    }),
  labTests: (lotId: string) =>
    queryOptions({
      queryKey: qualityKeys.labTests(lotId),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/quality/lab-tests', { params: { query: { lotId } }, signal })).items,
    }),
  weights: (productId: string) =>
    queryOptions({
      queryKey: qualityKeys.weights(productId),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/quality/weights', { params: { query: { productId, limit: 60 } }, signal }),
        ),
    }),
  /** Finished goods (the articles a weight chart is drawn for). */
  articles: () =>
    queryOptions({
      queryKey: qualityKeys.articles(),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/warehouse/products', {
            params: { query: { type: 'FINISHED_GOOD', active: true, limit: 100 } },
            signal,
          }),
        ).items,
      staleTime: 60_000,
    }),
};

export function useRecordInspection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: InspectionBody) =>
      unwrap(await api.POST('/api/v1/quality/inspections', { body })),
    onSettled: () => client.invalidateQueries({ queryKey: qualityKeys.all }),
  });
}

export interface LabTestInput {
  lotId: string;
  testType: LabTestType;
  measuredValue: number;
  unit: string;
  lab: string;
  evidence: File | null;
  evidenceUrl: string;
}

export function useRecordLabTest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: LabTestInput) => {
      const form = new FormData();
      form.set('lotId', input.lotId);
      form.set('testType', input.testType);
      form.set('measuredValue', String(input.measuredValue));
      form.set('unit', input.unit);
      form.set('lab', input.lab);
      if (input.evidenceUrl.trim()) form.set('evidenceUrl', input.evidenceUrl.trim());
      if (input.evidence) form.set('evidence', input.evidence, input.evidence.name);
      return unwrap(
        await api.POST('/api/v1/quality/lab-tests', {
          body: {
            lotId: input.lotId,
            testType: input.testType,
            measuredValue: input.measuredValue,
            unit: input.unit,
            lab: input.lab,
          },
          bodySerializer: () => form,
        }),
      );
    },
    onSettled: () => client.invalidateQueries({ queryKey: qualityKeys.all }),
  });
}

export function useReleaseLot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ lotId, reason }: { lotId: string; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/quality/lots/{lotId}/release', {
          params: { path: { lotId } },
          body: { reason },
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: qualityKeys.all }),
  });
}
