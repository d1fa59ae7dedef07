import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { theme } from '../../../app/theme';
import type { Balance, Location, Product } from '../api';

/** Demo-like warehouse records for component tests. */
const at = '2026-11-20T03:00:00.000Z';

export const kohair: Product = {
  id: '00000000-0000-4000-8000-000000000101',
  code: 'IKHR504',
  name: 'KOHAIR 7MM RECYCLE D.BROWN',
  type: 'RAW_MATERIAL',
  uom: 'METER',
  unitConversions: [{ uom: 'ROLL', factor: 45.72 }],
  productionLeadDays: 10,
  cartonsPerPallet: null,
  active: true,
  hsCode: null,
  ageGrade: null,
  warnings: [],
  legislation: [],
  harmonisedStandards: [],
  fibre: 'Polyester',
  fibreOrigin: 'RECYCLED',
  inspectionRequired: false,
  batchReleaseRequired: false,
  standardWeightGrams: null,
  weightToleranceGrams: null,
  version: 1,
  createdAt: at,
  updatedAt: at,
};

export const location = (code: string, type: Location['type'] = 'WAREHOUSE', id = code): Location => ({
  id: `00000000-0000-4000-8000-${id.replace(/[^0-9]/g, '').padStart(12, '0')}`,
  code,
  name: `Rak ${code}`,
  type,
  department: null,
  internal: ['WAREHOUSE', 'LINE', 'TRANSIT', 'SUBCONTRACTOR'].includes(type),
  partnerId: null,
  isFinishedGoods: false,
  active: true,
  createdAt: at,
  updatedAt: at,
});

export const rackA1 = location('WH-RAW-A1', 'WAREHOUSE', '201');
export const rackA2 = location('WH-RAW-A2', 'WAREHOUSE', '202');
export const production = location('PRODUCTION', 'PRODUCTION', '299');

export const balance = (loc: Location, lot: string | null, onHand: number, reserved = 0): Balance => ({
  productId: kohair.id,
  productCode: kohair.code,
  locationId: loc.id,
  locationCode: loc.code,
  locationName: loc.name,
  lotId: lot ? `00000000-0000-4000-8000-0000000003${lot.slice(-2)}` : null,
  lotNumber: lot,
  lotReceivedAt: lot ? at : null,
  qualityStatus: lot ? 'RELEASED' : null,
  onHand,
  reserved,
  available: onHand - reserved,
  uom: 'METER',
  updatedAt: at,
});

export const page = <T,>(items: T[]) => ({ items, total: items.length, skip: 0, limit: 50 });

/** Mantine without transitions and portals, so dropdowns open at once in jsdom. */
export function NoTransitions({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} env="test">
      {children}
    </MantineProvider>
  );
}
