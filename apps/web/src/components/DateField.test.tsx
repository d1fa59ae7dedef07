import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../lib/i18n';
import { renderWithApp } from '../test/render';
import { DateField, parseDateText, type DateFieldProps } from './DateField';

/** The field bound to state, as a form binds it; the last value sent is printed for the assertions. */
function Bound({ initial = '', ...props }: Partial<DateFieldProps> & { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField label="Due date" {...props} value={value} onChange={setValue} />
      <output data-testid="sent">{value === '' ? 'empty' : value}</output>
    </>
  );
}
const field = () => screen.getByRole('textbox', { name: 'Due date' });
const sent = () => screen.getByTestId('sent').textContent;

afterEach(async () => {
  await setLanguage('en', false);
});

describe('parseDateText', () => {
  it('reads day/month/year and ISO, and refuses what is no real day', () => {
    expect(parseDateText('05/12/2026')).toBe('2026-12-05');
    expect(parseDateText(' 5.12.2026 ')).toBe('2026-12-05');
    expect(parseDateText('2026-12-05')).toBe('2026-12-05');
    expect(parseDateText('29/02/2028')).toBe('2028-02-29');
    for (const text of [
      '31/02/2026',
      '29/02/2027',
      '12/13/2026',
      '05/12/26',
      '2026',
      'today',
      '',
      '05/12/2026 10:00',
    ])
      expect(parseDateText(text)).toBeNull();
  });

  it('reads a time of day after the date when asked to', () => {
    expect(parseDateText('05/12/2026 14:30', true)).toBe('2026-12-05T14:30');
    expect(parseDateText('05/12/2026 7.05', true)).toBe('2026-12-05T07:05');
    expect(parseDateText('05/12/2026', true)).toBeNull();
    expect(parseDateText('05/12/2026 24:00', true)).toBeNull();
  });
});

describe('DateField', () => {
  it('shows an Indonesian reader day/month/year and sends the ISO date', async () => {
    await setLanguage('id', false);
    renderWithApp(<Bound initial="2026-12-05" />);
    expect(field()).toHaveValue('05/12/2026');
    expect(field()).toHaveAttribute('placeholder', 'hh/bb/tttt');
    await userEvent.clear(field());
    await userEvent.type(field(), '24/12/2026');
    expect(sent()).toBe('2026-12-24');
    await userEvent.tab();
    // What was typed stays as typed.
    expect(field()).toHaveValue('24/12/2026');
    expect(screen.queryByText(/bukan tanggal/)).not.toBeInTheDocument();
  });

  it('refuses a date that does not exist with a message, keeps the text, and leaves the form without a date', async () => {
    await setLanguage('id', false);
    renderWithApp(<Bound initial="2026-12-05" />);
    await userEvent.clear(field());
    await userEvent.type(field(), '31/02/2026');
    await userEvent.tab();
    expect(sent()).toBe('empty');
    expect(field()).toHaveValue('31/02/2026');
    expect(screen.getByText('“31/02/2026” bukan tanggal: tulis seperti hh/bb/tttt')).toBeInTheDocument();
    expect(field()).toHaveAttribute('aria-invalid', 'true');

    // Corrected, the message goes and the date is sent.
    await userEvent.clear(field());
    await userEvent.type(field(), '28/02/2026');
    expect(sent()).toBe('2026-02-28');
    expect(screen.queryByText(/bukan tanggal/)).not.toBeInTheDocument();
  });

  it('refuses a date outside min and max instead of moving it', async () => {
    renderWithApp(<Bound min="2026-12-05" max="2026-12-31" />);
    await userEvent.type(field(), '04/12/2026');
    await userEvent.tab();
    expect(sent()).toBe('empty');
    expect(field()).toHaveValue('04/12/2026');
    expect(screen.getByText('Not before 05/12/2026')).toBeInTheDocument();

    await userEvent.clear(field());
    await userEvent.type(field(), '01/01/2027');
    await userEvent.tab();
    expect(sent()).toBe('empty');
    expect(screen.getByText('Not after 31/12/2026')).toBeInTheDocument();

    await userEvent.clear(field());
    await userEvent.type(field(), '05/12/2026');
    expect(sent()).toBe('2026-12-05');
  });

  it('takes a date and a time of day', async () => {
    renderWithApp(<Bound withTime />);
    expect(field()).toHaveAttribute('placeholder', 'dd/mm/yyyy hh:mm');
    await userEvent.type(field(), '05/12/2026 14:30');
    expect(sent()).toBe('2026-12-05T14:30');
    await userEvent.clear(field());
    await userEvent.type(field(), '05/12/2026');
    await userEvent.tab();
    expect(sent()).toBe('empty');
    expect(
      screen.getByText('“05/12/2026” is not a date and time: type it as dd/mm/yyyy hh:mm'),
    ).toBeInTheDocument();
  });

  it('shows the form’s own error when the text is fine', () => {
    renderWithApp(<Bound error="Required" />);
    expect(screen.getByText('Required')).toBeInTheDocument();
  });
});
