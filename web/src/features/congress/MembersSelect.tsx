import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { MemberListItem, Page } from '../../lib/contracts.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { formatDate } from '../../lib/vn.ts';

/** Several party members of a subtree, searched by name as you type (diacritics optional). */
export function MembersSelect({
  unitId,
  value,
  onChange,
  onNames,
}: {
  unitId: number;
  value?: number[];
  onChange?: (ids: number[]) => void;
  /** The chosen people with their names, for lists that show them before saving. */
  onNames?: (people: { id: number; fullName: string }[]) => void;
}) {
  const [search, setSearch] = useState('');
  const [labels] = useState(() => new Map<number, string>());
  const [names] = useState(() => new Map<number, string>());
  const q = useDebounced(search.trim(), 300);
  const results = useQuery({
    queryKey: ['members', 'congress-picker', unitId, q],
    queryFn: () => api.get<Page<MemberListItem>>('/api/members', { q, unitId, pageSize: 30 }),
    enabled: q.length >= 2,
  });
  const options = useMemo(() => {
    for (const m of results.data?.items ?? []) {
      labels.set(m.id, `${m.fullName} (${formatDate(m.birthDate)}) — ${m.unitName}`);
      names.set(m.id, m.fullName);
    }
    const ids = new Set([...(value ?? []), ...(results.data?.items ?? []).map((m) => m.id)]);
    return [...ids].map((id) => ({ value: id, label: labels.get(id) ?? `#${id}` }));
  }, [results.data, value, labels, names]);
  return (
    <Select<number[]>
      mode="multiple"
      value={value ?? []}
      onChange={(v) => {
        onChange?.(v);
        onNames?.(v.map((id) => ({ id, fullName: names.get(id) ?? `#${id}` })));
      }}
      options={options}
      loading={results.isFetching}
      placeholder="Gõ họ tên đảng viên (ít nhất 2 ký tự), chọn nhiều người"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={q.length < 2 ? 'Gõ ít nhất 2 ký tự' : 'Không tìm thấy đảng viên'}
      style={{ width: '100%' }}
    />
  );
}
