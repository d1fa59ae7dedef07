import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp, stubFetch } from '../../../../test/render';
import { boneka, line, revision } from '../test-fixtures';
import { RevisionHistory } from './RevisionHistory';

const rev1 = boneka({
  revision: 1,
  version: 1,
  lines: [
    ...boneka().lines.map((l) => (l.componentCode === 'IKP20157' ? { ...l, neededQuantity: 0.056 } : l)),
    line({ componentCode: 'ALB40011', department: 'FINISHING', uom: 'PCS' }),
  ],
});
const rev2 = boneka();
const rev3 = boneka({
  revision: 3,
  version: 3,
  lines: [...rev2.lines, line({ componentCode: 'PKG-PB-3040', department: 'PACKING', uom: 'PCS' })],
});

function stubRevisions() {
  const { fetch } = stubFetch(() => ({
    status: 200,
    body: {
      items: [
        revision(rev3, 'Polybag added for the EU order', 'engineer', '2025-11-26T08:15:00.000Z'),
        revision(rev2, 'Filling reduced to 54 g after the QC weight check', 'engineer'),
        revision(rev1, 'Created', null),
      ],
      total: 3,
      skip: 0,
      limit: 3,
    },
  }));
  vi.stubGlobal('fetch', fetch);
}

describe('RevisionHistory', () => {
  it('lists revisions with reason, author and time in WIB, and diffs the newest against the one before', async () => {
    stubRevisions();
    renderWithApp(<RevisionHistory bomId={rev2.id} />);

    const history = await screen.findByRole('table', { name: 'Revisions' });
    const newest = within(history).getByRole('row', { name: /Rev\. 3/ });
    expect(newest).toHaveTextContent('Polybag added for the EU order');
    expect(newest).toHaveTextContent('engineer');
    expect(newest).toHaveTextContent('26 Nov 2025, 15:15 WIB');
    expect(within(history).getByRole('row', { name: /Rev\. 1/ })).toHaveTextContent('system');

    const diff = screen.getByRole('table', { name: 'Changes from revision 2 to 3' });
    const added = within(diff).getByRole('row', { name: /PKG-PB-3040/ });
    expect(added).toHaveTextContent('Added');
    expect(added).toHaveTextContent('Packing');
    expect(within(diff).getAllByRole('row')).toHaveLength(2);
  });

  it('shows changed and removed lines between two chosen revisions', async () => {
    stubRevisions();
    renderWithApp(<RevisionHistory bomId={rev2.id} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Show the changes of revision 2' }));

    const diff = screen.getByRole('table', { name: 'Changes from revision 1 to 2' });
    const changed = within(diff).getByRole('row', { name: /IKP20157/ });
    expect(changed).toHaveTextContent('Changed');
    expect(changed).toHaveTextContent('Quantity: 0.056 → 0.054');
    expect(within(diff).getByRole('row', { name: /ALB40011/ })).toHaveTextContent('Removed');
  });
});
