import { ALERT_LEVELS } from '@kapok/contracts';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../lib/i18n';
import { renderWithApp } from '../../../test/render';
import { AlertLevelBadge } from './AlertLevelBadge';

describe('AlertLevelBadge', () => {
  afterEach(() => setLanguage('en'));

  it('names each level in its own colour', () => {
    renderWithApp(
      <>
        {ALERT_LEVELS.map((level) => (
          <AlertLevelBadge key={level} level={level} />
        ))}
      </>,
    );
    const colours = { OK: 'green', LOW: 'yellow', CRITICAL: 'orange', OUT: 'red' };
    const labels = { OK: 'OK', LOW: 'Low', CRITICAL: 'Critical', OUT: 'Out of stock' };
    for (const level of ALERT_LEVELS) {
      const badge = screen.getByText(labels[level]).closest('[data-level]')!;
      expect(badge).toHaveAttribute('data-level', level);
      expect(badge.getAttribute('style')).toContain(`--mantine-color-${colours[level]}`);
    }
  });

  it('makes OUT the loudest: filled, where the others are light', () => {
    renderWithApp(
      <>
        <AlertLevelBadge level="OUT" />
        <AlertLevelBadge level="LOW" />
      </>,
    );
    expect(screen.getByText('Out of stock').closest('[data-level]')).toHaveAttribute(
      'data-variant',
      'filled',
    );
    expect(screen.getByText('Low').closest('[data-level]')).toHaveAttribute('data-variant', 'light');
  });

  it('speaks Indonesian', async () => {
    await setLanguage('id', false);
    renderWithApp(<AlertLevelBadge level="CRITICAL" />);
    expect(screen.getByText('Kritis')).toBeInTheDocument();
  });
});
