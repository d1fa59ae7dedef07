import { TextInput } from '@mantine/core';

/** A from/to pair of date inputs (YYYY-MM-DD) that keep `from` ≤ `to`. */
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
      <TextInput
        w={160}
        type="date"
        label={fromLabel}
        value={from}
        max={to || undefined}
        onChange={(e) => onFromChange(e.currentTarget.value)}
      />
      <TextInput
        w={160}
        type="date"
        label={toLabel}
        value={to}
        min={from || undefined}
        onChange={(e) => onToChange(e.currentTarget.value)}
      />
    </>
  );
}
