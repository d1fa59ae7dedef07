import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

/** A document's header facts as label → value rows (an order's customer, dates, who did what). */
export function FactList({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <DataList size="sm" labelWidth={160} withDivider>
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value ?? '—'}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
