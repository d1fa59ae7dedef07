import { Text, TextInput, type TextInputProps } from '@mantine/core';
import { isWholeUnit } from '@kapok/contracts';
import { useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { numberInputText, parseNumber, type NumberRules } from '../lib/quantity';

/** The largest quantity any form takes: a typo guard (nothing in the factory moves a billion of anything). */
export const QUANTITY_INPUT_MAX = 999_999_999;

export interface NumberFieldProps
  extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue' | 'type' | 'min' | 'max'>, NumberRules {
  /** null: empty; NaN: the text typed is refused (the field says why). */
  value: number | null | undefined;
  onChange: (value: number | null) => void;
  /** Shown in the field; a whole unit (PCS, CARTON, …) takes no fractions. */
  unit?: string | null;
  ref?: Ref<HTMLInputElement>;
}

/**
 * The one number input of the app. It keeps exactly what was typed, in the user's language ("12,5" in
 * Indonesian), and never rounds, clamps or drops anything: what it cannot take (out of range, too
 * many decimals, a fraction of a whole unit, not a number) is refused with a message under the
 * field, and the form receives NaN so it cannot be sent. Focusing it selects its content, so typing
 * replaces a pre-filled value instead of appending to it.
 */
export function NumberField({
  value,
  onChange,
  unit,
  min,
  minExclusive,
  max = QUANTITY_INPUT_MAX,
  decimals,
  whole,
  error,
  onFocus,
  onBlur,
  onKeyDown,
  rightSection,
  ref,
  ...props
}: NumberFieldProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rules: NumberRules = { min, minExclusive, max, decimals, whole: whole ?? isWholeUnit(unit) };
  const focusedByPointer = useRef(false);
  const [text, setText] = useState(() =>
    typeof value === 'number' && !Number.isNaN(value) ? numberInputText(value, lang) : '',
  );
  const [shownFor, setShownFor] = useState<{ value: number | null | undefined; lang: string }>({
    value,
    lang,
  });
  const parsed = parseNumber(text, lang, rules);

  // A value set from outside (a reset, a pre-fill) or a language switch rewrites the text; the value
  // this field sent itself does not, so nothing typed is reformatted under the cursor.
  if (!Object.is(shownFor.value, value) || shownFor.lang !== lang) {
    setShownFor({ value, lang });
    const outside = typeof value === 'number' && !Number.isNaN(value);
    if (outside && (parsed.value !== value || shownFor.lang !== lang)) setText(numberInputText(value, lang));
    if (value == null && text.trim() !== '') setText('');
  }

  const problem = parsed.problem
    ? t(`number.${parsed.problem.key}`, { ...parsed.problem.values, unit: unit ?? '' })
    : null;

  return (
    <TextInput
      {...props}
      ref={ref}
      inputMode={rules.whole ? 'numeric' : 'decimal'}
      autoComplete="off"
      value={text}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const result = parseNumber(next, lang, rules);
        const sent = result.problem ? Number.NaN : result.value;
        setShownFor({ value: sent, lang });
        onChange(sent);
      }}
      onFocus={(event) => {
        event.currentTarget.select();
        focusedByPointer.current = true;
        onFocus?.(event);
      }}
      // The mouse-up of the click that focused the field would put a caret into the selection.
      onMouseUp={(event) => {
        if (focusedByPointer.current) event.preventDefault();
        focusedByPointer.current = false;
      }}
      onKeyDown={(event) => {
        focusedByPointer.current = false;
        onKeyDown?.(event);
      }}
      onBlur={onBlur}
      error={problem ?? error}
      rightSection={
        rightSection ??
        (unit ? (
          <Text size="xs" fw={700} c="dimmed">
            {unit}
          </Text>
        ) : undefined)
      }
      rightSectionWidth={unit ? 64 : undefined}
    />
  );
}

/** For forms that keep numbers as text (the warehouse forms): '' is empty, 'NaN' is refused. */
export const numberFromText = (text: string): number | null => (text.trim() === '' ? null : Number(text));
export const numberToText = (value: number | null): string => (value === null ? '' : String(value));
