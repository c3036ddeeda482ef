import { DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';

/** Display format everywhere; the extra ones let people type "1/2/1980" or "01021980". */
export const DATE_FORMAT = 'DD/MM/YYYY';
const INPUT_FORMATS = [DATE_FORMAT, 'D/M/YYYY', 'DDMMYYYY'];
export const ISO_FORMAT = 'YYYY-MM-DD';

export function isoToDayjs(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  const d = dayjs(iso.slice(0, 10), ISO_FORMAT);
  return d.isValid() ? d : null;
}

export function dayjsToIso(d: Dayjs | null | undefined): string | null {
  return d && d.isValid() ? d.format(ISO_FORMAT) : null;
}

/** Today as 'yyyy-mm-dd' in the user's timezone. */
export function todayIso(): string {
  return dayjs().format(ISO_FORMAT);
}

/** ISO timestamp → "dd/mm/yyyy HH:mm" in local time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm') : '';
}

type IsoDatePickerProps = Omit<DatePickerProps, 'value' | 'onChange' | 'format' | 'picker'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** antd DatePicker whose value is an ISO 'yyyy-mm-dd' string, shown as dd/mm/yyyy. */
export function IsoDatePicker({
  value,
  onChange,
  style,
  placeholder,
  ...rest
}: IsoDatePickerProps) {
  return (
    <DatePicker
      {...rest}
      format={INPUT_FORMATS}
      placeholder={placeholder ?? 'dd/mm/yyyy'}
      style={{ width: '100%', ...style }}
      value={isoToDayjs(value)}
      onChange={(d) => onChange?.(dayjsToIso(Array.isArray(d) ? d[0] : d))}
    />
  );
}

interface IsoRangePickerProps {
  id?: string;
  from?: string | null;
  to?: string | null;
  onChange: (from: string | null, to: string | null) => void;
  style?: React.CSSProperties;
}

/** Date range picker bound to two ISO strings (either end may be empty). */
export function IsoRangePicker({ id, from, to, onChange, style }: IsoRangePickerProps) {
  return (
    <DatePicker.RangePicker
      id={id ? { start: id } : undefined}
      format={INPUT_FORMATS}
      placeholder={['Từ ngày', 'Đến ngày']}
      allowEmpty={[true, true]}
      style={{ width: '100%', ...style }}
      value={[isoToDayjs(from), isoToDayjs(to)]}
      onChange={(range) => onChange(dayjsToIso(range?.[0]), dayjsToIso(range?.[1]))}
    />
  );
}
