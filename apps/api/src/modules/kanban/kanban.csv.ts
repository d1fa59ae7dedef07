import { type CsvColumn, fieldColumns } from '../../core/http/csv.js';
import type { PersonRef } from '../../core/http/refs.dto.js';
import type { CardResponse } from './dto/kanban.dto.js';

const person = (p: PersonRef | null) => p?.username;

/** Columns of the card history export: the card's fields, people by username. */
export const CARD_CSV_COLUMNS: ReadonlyArray<CsvColumn<CardResponse>> = [
  ...fieldColumns<CardResponse>(
    'id',
    'number',
    'department',
    'productCode',
    'productName',
    'quantity',
    'uom',
    'priority',
    'neededBy',
    'status',
    'automatic',
    'reason',
    'sourceLocationCode',
  ),
  { header: 'requestedBy', value: (c) => person(c.requestedBy) },
  { header: 'approvedBy', value: (c) => person(c.approvedBy) },
  ...fieldColumns<CardResponse>('approvedAt', 'approvedQuantity', 'splitFromId'),
  { header: 'rejectedBy', value: (c) => person(c.rejectedBy) },
  ...fieldColumns<CardResponse>('rejectedAt', 'rejectReason'),
  { header: 'shippedBy', value: (c) => person(c.shippedBy) },
  ...fieldColumns<CardResponse>('shippedAt', 'shippedQuantity'),
  { header: 'receivedBy', value: (c) => person(c.receivedBy) },
  ...fieldColumns<CardResponse>('receivedAt', 'receivedQuantity', 'shortQuantity', 'shortReason'),
  { header: 'cancelledBy', value: (c) => person(c.cancelledBy) },
  ...fieldColumns<CardResponse>('cancelledAt', 'version', 'createdAt', 'updatedAt'),
];
