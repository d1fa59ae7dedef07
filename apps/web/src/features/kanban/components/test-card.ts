import type { KanbanCard } from '../api';

/** A card as the API answers it, for component tests. */
export function makeCard(overrides: Partial<KanbanCard> = {}): KanbanCard {
  return {
    id: '00000000-0000-4000-8000-00000000c001',
    number: 'KB-20251126-0001',
    department: 'PACKING',
    requestedBy: {
      id: '00000000-0000-4000-8000-0000000000a1',
      username: 'packing',
      fullName: 'Lukman Hakim',
    },
    productId: '00000000-0000-4000-8000-00000000d001',
    productCode: 'ACB30104',
    productName: 'CARTON 570X375X450',
    uom: 'PCS',
    quantity: 40,
    priority: 'URGENT',
    neededBy: '2025-11-26T07:00:00.000Z',
    reason: 'Cartons for AFTONSPARV week 48',
    workOrderId: null,
    sourceLocationId: null,
    sourceLocationCode: null,
    status: 'REQUESTED',
    position: 1024,
    automatic: false,
    approvedBy: null,
    approvedAt: null,
    approveNotes: null,
    approvedQuantity: null,
    remainderReason: null,
    splitFromId: null,
    rejectedBy: null,
    rejectedAt: null,
    rejectReason: null,
    shippedBy: null,
    shippedAt: null,
    shippedQuantity: null,
    receivedBy: null,
    receivedAt: null,
    receivedQuantity: null,
    shortQuantity: null,
    shortReason: null,
    cancelledBy: null,
    cancelledAt: null,
    actions: [],
    version: 1,
    createdAt: '2025-11-26T02:00:00.000Z',
    updatedAt: '2025-11-26T02:00:00.000Z',
    ...overrides,
  };
}

/** 26 Nov 2025, 11:30 WIB. */
export const NOW = Date.parse('2025-11-26T04:30:00.000Z');
