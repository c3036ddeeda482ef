import { Input } from 'antd';
import { formatPartialDate, parsePartialDate } from '../../lib/contracts.ts';

/** What the field holds while the text typed is not (yet) a date: '!' + the text. */
const PENDING = '!';

/**
 * A 2C date as people write it: "2005", "09/2005" or "01/09/2005". The form value is the
 * partial ISO date ('2005', '2005-09', '2005-09-01'); unreadable text stays in the box and
 * is caught by `partialDateRule`.
 */
export function PartialDateInput({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
}) {
  const text = value?.startsWith(PENDING) ? value.slice(1) : formatPartialDate(value);
  return (
    <Input
      id={id}
      value={text}
      placeholder="yyyy, mm/yyyy hoặc dd/mm/yyyy"
      style={{ maxWidth: 200 }}
      onChange={(e) => {
        const typed = e.target.value;
        if (!typed.trim()) return onChange?.(undefined);
        onChange?.(parsePartialDate(typed) ?? `${PENDING}${typed}`);
      }}
    />
  );
}

export const partialDateRule = {
  validator: (_: unknown, value: string | undefined) =>
    value?.startsWith(PENDING)
      ? Promise.reject(
          new Error('Nhập năm (yyyy), tháng/năm (mm/yyyy) hoặc ngày/tháng/năm có thật'),
        )
      : Promise.resolve(),
};
