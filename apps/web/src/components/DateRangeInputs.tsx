import { DateField } from './DateField';

/** A from/to pair of date fields (ISO YYYY-MM-DD out, shown as the reader writes dates) that keep `from` ≤ `to`. */
export function DateRangeInputs({
  from,
  to,
  onFromChange,
  onToChange,
  fromLabel,
  toLabel,
}: {
  from: string;
  to: string;
  onFromChange: (value: string) => void;
  onToChange: (value: string) => void;
  fromLabel: string;
  toLabel: string;
}) {
  return (
    <>
      <DateField
        w={160}
        clearable
        label={fromLabel}
        value={from}
        max={to || undefined}
        onChange={onFromChange}
      />
      <DateField w={160} clearable label={toLabel} value={to} min={from || undefined} onChange={onToChange} />
    </>
  );
}
