import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp, stubFetch } from '../../../test/render';
import { OpenAlertsBadge } from './OpenAlertsBadge';

function stubOpenAlerts(total: number) {
  const { fetch, requests } = stubFetch(() => ({
    status: 200,
    body: { items: [], total, skip: 0, limit: 1 },
  }));
  vi.stubGlobal('fetch', fetch);
  return requests;
}

describe('OpenAlertsBadge', () => {
  it('counts the open stock alerts, and says what the number is', async () => {
    const requests = stubOpenAlerts(5);
    renderWithApp(<OpenAlertsBadge />);

    expect(await screen.findByLabelText('5 open stock alerts')).toHaveTextContent('5');
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe('/api/v1/warehouse/alerts');
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: 'OPEN', limit: '1' });
  });

  it('shows nothing when no alert is open', async () => {
    const requests = stubOpenAlerts(0);
    renderWithApp(<OpenAlertsBadge />);

    await waitFor(() => expect(requests).toHaveLength(1));
    // Let the answer settle (microtasks, no timer) before checking that nothing shows.
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.queryByLabelText(/open stock alert/)).not.toBeInTheDocument();
    expect(screen.queryByText('0')).not.toBeInTheDocument();
  });
});
