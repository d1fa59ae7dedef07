import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../lib/i18n';
import { formatQuantity, parseNumber } from '../lib/quantity';
import { renderWithApp } from '../test/render';
import { NumberField, type NumberFieldProps } from './NumberField';

/** The field bound to state, as a form binds it; the last value sent is printed for the assertions. */
function Bound({ initial = null, ...props }: Partial<NumberFieldProps> & { initial?: number | null }) {
  const [value, setValue] = useState<number | null>(initial);
  return (
    <>
      <NumberField label="Quantity" {...props} value={value} onChange={setValue} />
      <output data-testid="sent">{value === null ? 'null' : String(value)}</output>
    </>
  );
}
const field = () => screen.getByRole('textbox', { name: 'Quantity' });
const sent = () => screen.getByTestId('sent').textContent;

afterEach(async () => {
  await setLanguage('en', false);
});

describe('NumberField', () => {
  it('reads the decimal separator of the language: a point in English, a comma in Indonesian', async () => {
    renderWithApp(<Bound unit="METER" />);
    await userEvent.type(field(), '1,234.5');
    expect(sent()).toBe('1234.5');

    await setLanguage('id', false);
    await userEvent.clear(field());
    await userEvent.type(field(), '1.234,5');
    expect(sent()).toBe('1234.5');
    await userEvent.clear(field());
    await userEvent.type(field(), '12,75');
    expect(sent()).toBe('12.75');
    // A point is no decimal separator in Indonesian: refused with an example, not read as 1275.
    await userEvent.clear(field());
    await userEvent.type(field(), '1.5');
    expect(sent()).toBe('NaN');
    expect(screen.getByText('Bukan angka: tulis seperti 1234,5')).toBeInTheDocument();
    expect(field()).toHaveValue('1.5');
  });

  it('refuses a fraction of a whole unit and says so under the field', async () => {
    renderWithApp(<Bound unit="CARTON" />);
    expect(screen.getByText('CARTON')).toBeInTheDocument();
    await userEvent.type(field(), '2.5');
    expect(sent()).toBe('NaN');
    expect(screen.getByText('CARTON are counted whole: no fractions')).toBeInTheDocument();
    await userEvent.clear(field());
    await userEvent.type(field(), '3');
    expect(sent()).toBe('3');
    expect(screen.queryByText(/counted whole/)).not.toBeInTheDocument();
  });

  it('says what is out of range or has too many decimals, and keeps what was typed', async () => {
    renderWithApp(<Bound unit="KG" min={0} minExclusive max={40} decimals={2} />);
    await userEvent.type(field(), '-5');
    expect(screen.getByText('Must be more than 0')).toBeInTheDocument();
    expect(field()).toHaveValue('-5');
    expect(sent()).toBe('NaN');

    await userEvent.clear(field());
    await userEvent.type(field(), '60');
    expect(screen.getByText('Must be at most 40')).toBeInTheDocument();
    expect(field()).toHaveValue('60');

    await userEvent.clear(field());
    await userEvent.type(field(), '1.125');
    expect(screen.getByText('At most 2 decimals')).toBeInTheDocument();
    expect(field()).toHaveValue('1.125');

    renderWithApp(<Bound label="Big" unit="PCS" />);
    const big = screen.getByRole('textbox', { name: 'Big' });
    await userEvent.type(big, '99999999999');
    expect(screen.getByText('Must be at most 999,999,999')).toBeInTheDocument();
    expect(big).toHaveValue('99999999999');
  });

  it('never appends to a pre-filled value: typing replaces it', async () => {
    renderWithApp(<Bound unit="PCS" initial={395} />);
    expect(field()).toHaveValue('395');
    await userEvent.click(field());
    await userEvent.keyboard('420');
    expect(field()).toHaveValue('420');
    expect(sent()).toBe('420');
  });

  it('leaves an empty field empty (null), not zero', async () => {
    renderWithApp(<Bound unit="PCS" initial={7} />);
    await userEvent.clear(field());
    expect(sent()).toBe('null');
    expect(field()).toHaveValue('');
  });
});

describe('formatQuantity', () => {
  it('writes whole units without decimals and others with up to four, the language’s way', () => {
    expect(formatQuantity(1234, 'PCS', 'en')).toBe('1,234 PCS');
    expect(formatQuantity(1234.5, 'METER', 'id')).toBe('1.234,5 METER');
    expect(formatQuantity(9.14405, 'METER', 'en')).toBe('9.1441 METER');
    // A stored fraction of a whole unit is shown as it is, never rounded away.
    expect(formatQuantity(49.0072, 'CARTON', 'en')).toBe('49.0072 CARTON');
  });

  it('parses with the rules the field uses', () => {
    expect(parseNumber('12', 'en', { whole: true }).value).toBe(12);
    expect(parseNumber('12.0', 'en', { whole: true }).value).toBe(12);
    expect(parseNumber('1,23.5', 'en').problem?.key).toBe('notANumber');
    expect(parseNumber('', 'en').value).toBeNull();
  });
});
