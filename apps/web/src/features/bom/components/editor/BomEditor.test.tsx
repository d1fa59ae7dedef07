import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { errorBody, renderWithApp, stubFetch } from '../../../../test/render';
import { boneka } from '../test-fixtures';
import { BomEditor } from './BomEditor';

const product = (code: string, uom: string) => ({
  id: `id-${code}`,
  code,
  name: `${code} name`,
  type: 'RAW_MATERIAL',
  uom,
  unitConversions: [],
  active: true,
  version: 1,
  createdAt: '2025-11-01T00:00:00.000Z',
  updatedAt: '2025-11-01T00:00:00.000Z',
});

function stubApi(answerPut: () => { status: number; body?: unknown }, latest?: unknown) {
  const { fetch, requests } = stubFetch((r) => {
    const path = new URL(r.url).pathname;
    if (r.method === 'PUT') return answerPut();
    if (latest && path.startsWith('/api/v1/warehouse/bom/')) return { status: 200, body: latest };
    const code = path.match(/products\/id-(.+)$/)?.[1];
    if (code) return { status: 200, body: product(code, 'PCS') };
    return { status: 404, body: errorBody(404, 'NOT_FOUND', 'nothing here') };
  });
  vi.stubGlobal('fetch', fetch);
  return requests;
}

/** The input labelled `label` (a select's option list carries the same label). */
const input = (label: string) =>
  screen.getAllByLabelText(label).find((element) => element.tagName === 'INPUT')!;

// Typing into a table of inputs under jsdom takes a few seconds.
const SLOW = 20_000;

async function saveRevisionWithNewQuantity() {
  const user = userEvent.setup();
  const quantity = input('Quantity · Finishing line 3 (THR-5180-QA101)');
  await user.clear(quantity);
  await user.type(quantity, '0.65');
  await user.click(screen.getByRole('button', { name: 'Save revision…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Save revision 3' });
  await user.type(within(dialog).getByLabelText(/Reason for this revision/), 'Thread for the new overlock');
  await user.click(within(dialog).getByRole('button', { name: 'Save revision 3' }));
}

describe('BomEditor', () => {
  it(
    'groups lines by department and sends a revision with its reason and version',
    async () => {
      const requests = stubApi(() => ({ status: 200, body: boneka({ revision: 3, version: 3 }) }));
      renderWithApp(<BomEditor bom={boneka()} />);

      expect(screen.getByRole('heading', { name: /Finishing/ })).toBeInTheDocument();
      await saveRevisionWithNewQuantity();

      await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
      const body = await requests.find((r) => r.method === 'PUT')!.json();
      expect(body).toMatchObject({ version: 2, revision: 3, revisionReason: 'Thread for the new overlock' });
      expect(body.lines[2]).toMatchObject({ neededQuantity: 0.65, uom: 'METER', department: 'FINISHING' });
      expect(body.lines[1].variants).toEqual([
        { materialId: 'id-IKP20160', variantType: 'ALTERNATIVE', sequence: 1 },
      ]);
    },
    SLOW,
  );

  it(
    'shows the API’s line errors next to the fields they name',
    async () => {
      stubApi(() => ({
        status: 422,
        body: errorBody(422, 'VALIDATION_FAILED', 'Some lines are not valid', [
          { field: 'lines.1.uom', messages: ['IKP20157 is stocked in KG; METER does not convert'] },
          { field: 'lines.1.variants.0.materialId', messages: ['the same material twice on one line'] },
        ]),
      }));
      renderWithApp(<BomEditor bom={boneka()} />);

      await saveRevisionWithNewQuantity();

      await waitFor(() =>
        expect(input('Unit · Finishing line 2 (IKP20157)')).toHaveAttribute('aria-invalid', 'true'),
      );
      const unit = input('Unit · Finishing line 2 (IKP20157)');
      expect(unit.closest('td')).toHaveTextContent('IKP20157 is stocked in KG; METER does not convert');
      // The variant's error opens the line's variants, where it is shown next to the material.
      const material = input('Material · variant 1 of Finishing line 2 (IKP20157)');
      expect(material).toHaveAttribute('aria-invalid', 'true');
      expect(material.closest('td')).toHaveTextContent('the same material twice on one line');
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      // The other lines are untouched.
      expect(input('Unit · Finishing line 3 (THR-5180-QA101)')).not.toHaveAttribute('aria-invalid', 'true');
    },
    SLOW,
  );
});

describe('BomEditor when someone else saved first', () => {
  it(
    'loads the latest revision and lists both sides’ changes instead of overwriting',
    async () => {
      const base = boneka();
      const latest = boneka({
        revision: 3,
        version: 3,
        lines: base.lines.map((l) => (l.componentCode === 'IKP20157' ? { ...l, neededQuantity: 0.052 } : l)),
      });
      const requests = stubApi(
        () => ({
          status: 409,
          body: errorBody(409, 'STALE_VERSION', 'This bom was changed by someone else', {
            currentVersion: 3,
          }),
        }),
        latest,
      );
      renderWithApp(<BomEditor bom={base} />);

      await saveRevisionWithNewQuantity();

      const conflict = await screen.findByRole('alert', {
        name: /Revision 3 was saved while you were editing/,
      });
      expect(within(conflict).getByRole('table', { name: 'Changed in revision 3' })).toHaveTextContent(
        'Quantity: 0.054 → 0.052',
      );
      expect(within(conflict).getByRole('table', { name: 'Your unsaved changes' })).toHaveTextContent(
        'Quantity: 0.6 → 0.65',
      );
      // The editor holds revision 3 now; nothing was sent again.
      await waitFor(() => expect(input('Quantity · Finishing line 2 (IKP20157)')).toHaveValue('0.052'));
      expect(input('Quantity · Finishing line 3 (THR-5180-QA101)')).toHaveValue('0.6');
      expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    },
    SLOW,
  );
});
