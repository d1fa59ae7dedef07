import type { Bom, BomLine, BomRevision, Requirement } from '../api';

const stamp = '2025-11-26T03:00:00.000Z';

export const line = (overrides: Partial<BomLine> & Pick<BomLine, 'componentCode'>): BomLine => ({
  id: `line-${overrides.componentCode}`,
  position: 1,
  componentId: `id-${overrides.componentCode}`,
  componentName: `${overrides.componentCode} name`,
  componentType: 'RAW_MATERIAL',
  componentUom: 'METER',
  componentBomId: null,
  department: 'CUTTING',
  neededQuantity: 1,
  uom: 'METER',
  wastagePercent: 0,
  variants: [],
  ...overrides,
});

/** AFTONSPARV_WIP_BONEKA, revision 2, as the demo seeds it. */
export const boneka = (overrides: Partial<Bom> = {}): Bom => ({
  id: '00000000-0000-4000-8000-00000000b0e1',
  productId: '00000000-0000-4000-8000-00000000a001',
  productCode: 'AFTONSPARV_WIP_BONEKA',
  productName: 'AFTONSPARV — stuffed doll',
  productUom: 'PCS',
  bomType: 'MANUFACTURING',
  outputQuantity: 1,
  active: true,
  revision: 2,
  version: 2,
  lines: [
    line({
      componentCode: 'AFTONSPARV_WIP_SKIN',
      componentType: 'WIP',
      componentUom: 'PCS',
      uom: 'PCS',
      department: 'FINISHING',
      componentBomId: '00000000-0000-4000-8000-00000000b0e2',
      position: 1,
    }),
    line({
      componentCode: 'IKP20157',
      componentUom: 'KG',
      uom: 'KG',
      department: 'FINISHING',
      neededQuantity: 0.054,
      position: 2,
      variants: [
        {
          id: 'v1',
          materialId: 'id-IKP20160',
          materialCode: 'IKP20160',
          materialName: 'RECYCLE 7D FIBRE',
          variantType: 'ALTERNATIVE',
          sequence: 1,
          neededQuantity: null,
        },
      ],
    }),
    line({ componentCode: 'THR-5180-QA101', department: 'FINISHING', neededQuantity: 0.6, position: 3 }),
  ],
  createdAt: stamp,
  updatedAt: stamp,
  ...overrides,
});

export const revision = (bom: Bom, reason: string, username: string | null, at = stamp): BomRevision => ({
  id: `rev-${bom.revision}`,
  revision: bom.revision,
  reason,
  author: username ? { id: `user-${username}`, username } : null,
  at,
  snapshot: bom,
  createdAt: at,
  updatedAt: at,
});

export const requirement = (overrides: Partial<Requirement> & Pick<Requirement, 'code'>): Requirement => ({
  productId: `id-${overrides.code}`,
  name: `${overrides.code} name`,
  department: 'CUTTING',
  quantity: 1,
  uom: 'METER',
  available: 10,
  shortage: 0,
  optional: false,
  substitutesFor: null,
  ...overrides,
});
