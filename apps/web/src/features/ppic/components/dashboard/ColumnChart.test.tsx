import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../../test/render';
import { ColumnChart, niceMax } from './ColumnChart';

describe('ColumnChart', () => {
  it('rounds the value axis up to a readable maximum', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(360)).toBe(400);
    expect(niceMax(288)).toBe(300);
    expect(niceMax(7)).toBe(8);
  });

  it('gives screen readers the data as a table', () => {
    renderWithApp(
      <ColumnChart
        title="Daily throughput"
        valueLabel="Produced"
        columns={[
          { key: 'a', label: '18 Nov', value: 360, description: '360 PCS, 1 order' },
          { key: 'b', label: '19 Nov', value: 0, description: 'nothing completed' },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Daily throughput' });
    expect(within(table).getByRole('row', { name: '18 Nov 360 PCS, 1 order' })).toBeInTheDocument();
  });
});
