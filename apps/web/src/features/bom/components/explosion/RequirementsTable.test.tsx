import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../../test/render';
import { requirement } from '../test-fixtures';
import { RequirementsTable } from './RequirementsTable';

const requirements = [
  requirement({ code: 'IKHR504', quantity: 43.4215, available: 548.368 }),
  requirement({ code: 'INYR001', quantity: 1.9011, available: 0, shortage: 1.9011 }),
  requirement({
    code: 'IKP20160',
    department: 'FINISHING',
    quantity: 24.3,
    uom: 'KG',
    available: 30,
    substitutesFor: 'IKP20157',
  }),
  requirement({ code: 'ACC-EYE-10MM', department: 'SEWING', uom: 'PCS', optional: true, available: 0 }),
];

describe('RequirementsTable', () => {
  it('groups materials by department in route order', () => {
    renderWithApp(<RequirementsTable requirements={requirements} />);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.slice(5)).toEqual(['Cutting', 'Sewing', 'Finishing']);
  });

  it('highlights short materials in red and leaves the others alone', () => {
    renderWithApp(<RequirementsTable requirements={requirements} />);

    const short = screen.getByRole('row', { name: /INYR001/ });
    expect(short).toHaveAttribute('data-shortage', 'true');
    expect(short.className).toMatch(/short/);
    // Needed 1.9011, of which 1.9011 short.
    expect(within(short).getAllByText('1.9011')).toHaveLength(2);
    expect(within(short).getByText('short')).toBeInTheDocument();

    const enough = screen.getByRole('row', { name: /IKHR504/ });
    expect(enough).not.toHaveAttribute('data-shortage');
    expect(enough).toHaveTextContent('43.4215');
    expect(enough).toHaveTextContent('548.368');
  });

  it('shows which material an alternative replaces, and never marks an optional one short', () => {
    renderWithApp(<RequirementsTable requirements={requirements} />);

    expect(screen.getByRole('row', { name: /IKP20160/ })).toHaveTextContent('instead of IKP20157');
    const optional = screen.getByRole('row', { name: /ACC-EYE-10MM/ });
    expect(optional).toHaveTextContent('Optional');
    expect(optional).not.toHaveAttribute('data-shortage');
  });
});
