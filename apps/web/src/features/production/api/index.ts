export { productionKeys, type HandoverFilters, type WorkOrderFilters } from './keys';
export {
  handoverQueries,
  useAcceptHandover,
  useHandOver,
  useRecordOutput,
  useStartWorkOrder,
  workOrderQueries,
  type Handover,
  type OutputBody,
  type WorkOrder,
} from './work-orders';
export {
  lineQueries,
  useAcknowledgeAlarm,
  useOverrideBlock,
  useScrapLineWip,
  type HandoverCheck,
  type Line,
  type LineBatch,
  type LineBlock,
  type LineEscalation,
  type SegregationAlarm,
} from './lines';
