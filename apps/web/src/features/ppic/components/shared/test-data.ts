import type { Mo } from '../../api';

let sequence = 0;

/** A manufacturing order as the list answers it; override what a test is about. */
export function makeMo(overrides: Partial<Mo> = {}): Mo {
  sequence += 1;
  const n = String(sequence).padStart(3, '0');
  return {
    id: `00000000-0000-4000-8000-000000000${n}`,
    batchNumber: `MO-20261126-${n}`,
    productId: '00000000-0000-4000-8000-00000000f001',
    productCode: '40551543',
    productName: 'BLAHAJ soft toy 100 shark',
    uom: 'PCS',
    plannedQuantity: 12,
    route: 'ROUTE_2',
    dueDate: '2026-12-15',
    week: '50-2026',
    destination: 'Belgium',
    salesOrderLineId: null,
    notes: null,
    state: 'DRAFT',
    bomId: null,
    bomRevision: null,
    createdBy: {
      id: '00000000-0000-4000-8000-0000000000a1',
      username: 'ppic_admin',
      fullName: 'Dewi Anggraini',
    },
    approvedBy: null,
    approvedAt: null,
    approveNotes: null,
    startedBy: null,
    startedAt: null,
    startNotes: null,
    completedBy: null,
    completedAt: null,
    qualityNotes: null,
    cancelledBy: null,
    cancelledAt: null,
    cancelReason: null,
    producedQuantity: null,
    variancePercent: null,
    varianceWarning: null,
    late: false,
    actions: ['approve', 'cancel'],
    version: 1,
    createdAt: '2026-11-26T01:00:00.000Z',
    updatedAt: '2026-11-26T01:00:00.000Z',
    ...overrides,
  };
}
