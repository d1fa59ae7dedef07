import '@mantine/dates/styles.css';
import 'dayjs/locale/id';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

/** How a date is shown and typed: the factory's day first, in English (en-GB) and Indonesian alike. */
const DATE_FORMAT = 'DD/MM/YYYY';
const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';

const TYPED_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TYPED_TIME = /^(\d{1,2})[:.](\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Reads what was typed: "05/12/2026" (also 5.12.2026 or 5-12-2026) or the ISO "2026-12-05", and with
 * `withTime` a time after it ("05/12/2026 14:30"). Answers the ISO value ("2026-12-05", or
 * "2026-12-05T14:30"), or null when the text is no real date (31/02/2026, 2026, 12/13/2026).
 */
export function parseDateText(text: string, withTime = false): string | null {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== (withTime ? 2 : 1) || parts[0] === '') return null;
  const typed = TYPED_DATE.exec(parts[0]);
  const iso = ISO_DATE.exec(parts[0]);
  const day = typed
    ? isoDay(Number(typed[3]), Number(typed[2]), Number(typed[1]))
    : iso
      ? isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))
      : null;
  if (!day || !withTime) return day;
  const time = TYPED_TIME.exec(parts[1]);
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) return null;
  return `${day}T${pad(Number(time[1]))}:${time[2]}`;
}

/** "2026-12-05" → "05/12/2026"; "2026-12-05T14:30" → "05/12/2026 14:30". */
export function formatDateText(value: string): string {
  const [day, time] = value.split('T');
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}${time ? ` ${time.slice(0, 5)}` : ''}`;
}

/** Mantine's value ("2026-12-05" or "2026-12-05 14:30:00") and ours ("2026-12-05T14:30") convert both ways. */
const toMantine = (value: string) => (value.includes('T') ? `${value.replace('T', ' ')}:00` : value);
const fromMantine = (value: string, withTime: boolean) =>
  withTime ? value.slice(0, 16).replace(' ', 'T') : value.slice(0, 10);

export interface DateFieldProps extends Omit<
  DateInputProps,
  | 'value'
  | 'defaultValue'
  | 'onChange'
  | 'min'
  | 'max'
  | 'minDate'
  | 'maxDate'
  | 'valueFormat'
  | 'dateParser'
  | 'withTime'
  | 'fixOnBlur'
> {
  /** ISO: "2026-12-05", or "2026-12-05T14:30" with `withTime`; empty: no date. */
  value: string | null | undefined;
  /** Receives the ISO value, or '' while the field holds no date (empty, or refused text). */
  onChange: (value: string) => void;
  /** The earliest and latest accepted (ISO, inclusive). */
  min?: string;
  max?: string;
  /** A date and a time of day ("05/12/2026 14:30"). */
  withTime?: boolean;
  ref?: Ref<HTMLInputElement>;
}

type Problem =
  { key: 'invalid' | 'invalidTime'; text: string } | { key: 'beforeMin' | 'afterMax'; date: string };

/**
 * The one date input of the app: shows and takes dates as the reader writes them (dd/mm/yyyy, month
 * names in the reader's language in the calendar) and hands the form an ISO value, so what reaches
 * the API never depends on the browser. What it cannot take (no real date, before `min`, after `max`)
 * is refused with a message under the field and the text stays as typed; the form then holds ''.
 */
export function DateField({
  value,
  onChange,
  min,
  max,
  withTime = false,
  error,
  onBlur,
  placeholder,
  ref,
  ...props
}: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const [problem, setProblem] = useState<Problem | null>(null);
  // Whether the last change came from the keyboard (a calendar pick keeps the time of day typed before).
  const typed = useRef(false);

  /** Why `text` is refused, or null when it is a date within range (or empty: the form says if it is needed). */
  const check = (text: string): { iso: string | null; problem: Problem | null } => {
    if (text.trim() === '') return { iso: null, problem: null };
    const iso = parseDateText(text, withTime);
    if (!iso) return { iso, problem: { key: withTime ? 'invalidTime' : 'invalid', text: text.trim() } };
    if (min && iso < min) return { iso: null, problem: { key: 'beforeMin', date: formatDateText(min) } };
    if (max && iso.slice(0, max.length) > max)
      return { iso: null, problem: { key: 'afterMax', date: formatDateText(max) } };
    return { iso, problem: null };
  };

  const message = !problem
    ? null
    : 'text' in problem
      ? t(`dateField.${problem.key}`, { text: problem.text })
      : t(`dateField.${problem.key}`, { date: problem.date });

  return (
    <DateInput
      {...props}
      ref={ref}
      locale={i18n.language === 'id' ? 'id' : 'en'}
      valueFormat={withTime ? DATE_TIME_FORMAT : DATE_FORMAT}
      withTime={withTime}
      placeholder={placeholder ?? t(withTime ? 'dateField.placeholderTime' : 'dateField.placeholder')}
      leftSection={props.leftSection ?? <IconCalendar size={16} stroke={1.5} aria-hidden />}
      leftSectionPointerEvents="none"
      autoComplete="off"
      value={value ? toMantine(value) : null}
      minDate={min?.slice(0, 10)}
      maxDate={max?.slice(0, 10)}
      // What was typed stays in the field, also when it is refused.
      fixOnBlur={false}
      dateParser={(text) => {
        typed.current = true;
        const result = check(text);
        if (result.iso) {
          setProblem(null);
          return toMantine(result.iso);
        }
        if (!result.problem) setProblem(null);
        // Text that is no date (yet) leaves the form without one, never with the date shown before.
        if (value) onChange('');
        return null;
      }}
      onChange={(next) => {
        if (!next) {
          onChange('');
          return;
        }
        let iso = fromMantine(next, withTime);
        // A day picked in the calendar keeps the time of day the field had.
        if (withTime && !typed.current && value?.includes('T'))
          iso = `${iso.slice(0, 10)}${value.slice(10, 16)}`;
        typed.current = false;
        setProblem(null);
        onChange(iso);
      }}
      onBlur={(event) => {
        typed.current = false;
        setProblem(check(event.currentTarget.value).problem);
        onBlur?.(event);
      }}
      error={message ?? error}
    />
  );
}
