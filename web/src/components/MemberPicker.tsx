import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { MemberDto, MemberListItem, Page } from '../lib/contracts.ts';
import { useDebounced } from '../lib/hooks.ts';
import { formatDate } from '../lib/vn.ts';

interface MemberPickerProps {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  disabled?: boolean;
}

/** Search-as-you-type picker of one party member (by name, diacritics optional). */
export function MemberPicker({ value, onChange, placeholder, ...rest }: MemberPickerProps) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const results = useQuery({
    queryKey: ['members', 'picker', q],
    queryFn: () =>
      api.get<Page<MemberListItem>>('/api/members', { q, pageSize: 20, archived: 'all' }),
    enabled: q.length >= 2,
  });
  const current = useQuery({
    queryKey: ['member', value],
    queryFn: () => api.get<MemberDto>(`/api/members/${value}`),
    enabled: !!value,
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const list = (results.data?.items ?? []).map((m) => ({
      value: m.id,
      label: `${m.fullName} (${formatDate(m.birthDate)}) — ${m.unitName}`,
    }));
    if (value && !list.some((o) => o.value === value)) {
      const m = current.data;
      list.unshift({
        value,
        label: m ? `${m.fullName} (${formatDate(m.birthDate)}) — ${m.unitName}` : `#${value}`,
      });
    }
    return list;
  }, [results.data, current.data, value]);
  return (
    <Select<number | null>
      {...rest}
      allowClear
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={results.isFetching}
      placeholder={placeholder ?? 'Gõ họ tên đảng viên (ít nhất 2 ký tự)'}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={q.length < 2 ? 'Gõ ít nhất 2 ký tự' : 'Không tìm thấy đảng viên'}
      style={{ width: '100%' }}
    />
  );
}
