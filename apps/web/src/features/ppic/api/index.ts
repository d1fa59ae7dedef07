export { ppicKeys, type MoFilters, type Period } from './keys';
export {
  moQueries,
  useCreateMo,
  useUpdateMo,
  type CreateMoBody,
  type UpdateMoBody,
  type Mo,
  type MoDetail,
  type MoMaterial,
  type MoWorkOrder,
  type TimelineEntry,
} from './orders';
export {
  useMoBatch,
  useMoTransition,
  type BatchAction,
  type BatchResult,
  type BatchVariables,
  type TransitionRequest,
  type TransitionVariables,
} from './transitions';
export {
  dashboardQueries,
  type Bottlenecks,
  type DailyThroughput,
  type DepartmentLoad,
  type Overview,
  type Performance,
} from './dashboard';
export {
  planningQueries,
  type ActiveBom,
  type Explosion,
  type PlannableProduct,
  type Requirement,
} from './planning';
