export { bomKeys, type BomFilters } from './keys';
export {
  bomQueries,
  useCreateBom,
  useDeleteBom,
  useUpdateBom,
  type Bom,
  type BomLine,
  type BomRevision,
  type BomSummary,
  type BomVariant,
  type CreateBomBody,
  type Explosion,
  type ExplosionNode,
  type Requirement,
  type UpdateBomBody,
} from './boms';
export { productQueries, type Product } from './products';
