import { useMemo, useState } from 'react';
import type { CSSProperties } from 'react';
import { Select, Tag, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { unitStatusLabels, unitTypeLabels } from '../lib/contracts.ts';
import type { UnitDetailDto, UnitDto } from '../lib/contracts.ts';
import { useDebounced } from '../lib/hooks.ts';

/** Names of units seen anywhere in the app, so pickers can label preset values at once. */
const unitNames = new Map<number, string>();

export function rememberUnits(units: readonly { id: number; name: string }[]): void {
  for (const u of units) unitNames.set(u.id, u.name);
}

export function unitNameOf(id: number): string | undefined {
  return unitNames.get(id);
}

export function unitDetailQuery(id: number) {
  return {
    queryKey: ['unit', id] as const,
    queryFn: async () => {
      const detail = await api.get<UnitDetailDto>(`/api/units/${id}`);
      rememberUnits([detail.unit, ...detail.ancestors]);
      return detail;
    },
  };
}

interface UnitOption {
  value: number;
  label: string;
  unit?: UnitDto;
}

function useUnitOptions(search: string, selected: number[], excludeIds: number[] = []) {
  const q = useDebounced(search.trim(), 300);
  const results = useQuery({
    queryKey: ['units', 'search', q],
    queryFn: async () => {
      const units = await api.get<UnitDto[]>('/api/units/search', { q, limit: 20 });
      rememberUnits(units);
      return units;
    },
    staleTime: 30_000,
  });
  const unknown = selected.filter((id) => !unitNames.has(id));
  const details = useQueries({
    queries: unknown.map((id) => ({ ...unitDetailQuery(id), staleTime: 60_000 })),
  });
  const detailNames = details.map((d) => d.data?.unit.name ?? '').join('|');

  const options = useMemo<UnitOption[]>(() => {
    void detailNames; // recompute once missing names arrive
    const list: UnitOption[] = (results.data ?? [])
      .filter((u) => !excludeIds.includes(u.id))
      .map((u) => ({ value: u.id, label: u.name, unit: u }));
    // Selected units outside the current results go last, so Enter picks the first match
    // instead of toggling a unit that is already selected.
    for (const id of selected) {
      if (!list.some((o) => o.value === id)) {
        list.push({ value: id, label: unitNames.get(id) ?? `Tổ chức #${id}` });
      }
    }
    return list;
  }, [results.data, selected, excludeIds, detailNames]);

  return { options, loading: results.isFetching };
}

function renderOption(option: { data: UnitOption }) {
  const u = option.data.unit;
  if (!u) return option.data.label;
  return (
    <div>
      <div>
        {u.name} {u.status !== 'active' && <Tag color="default">{unitStatusLabels[u.status]}</Tag>}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {unitTypeLabels[u.type]} · {u.code}
      </Typography.Text>
    </div>
  );
}

interface BaseProps {
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  excludeIds?: number[];
  style?: CSSProperties;
}

/** Search-as-you-type picker of one party unit (GET /api/units/search). */
export function UnitPicker({
  value,
  onChange,
  placeholder,
  excludeIds,
  style,
  ...rest
}: BaseProps & { value?: number | null; onChange?: (value: number | null) => void }) {
  const [search, setSearch] = useState('');
  const selected = useMemo(() => (value ? [value] : []), [value]);
  const { options, loading } = useUnitOptions(search, selected, excludeIds);
  return (
    <Select<number | null, UnitOption>
      {...rest}
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={loading}
      placeholder={placeholder ?? 'Gõ tên tổ chức để tìm'}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      optionRender={renderOption}
      notFoundContent={loading ? 'Đang tìm…' : 'Không tìm thấy tổ chức'}
      style={{ width: '100%', ...style }}
    />
  );
}

/** Picker of several party units (merging). */
export function UnitMultiPicker({
  value,
  onChange,
  placeholder,
  excludeIds,
  style,
  ...rest
}: BaseProps & { value?: number[]; onChange?: (value: number[]) => void }) {
  const [search, setSearch] = useState('');
  const selected = useMemo(() => value ?? [], [value]);
  const { options, loading } = useUnitOptions(search, selected, excludeIds);
  return (
    <Select<number[], UnitOption>
      {...rest}
      mode="multiple"
      value={selected}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={loading}
      placeholder={placeholder ?? 'Gõ tên tổ chức để tìm'}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      optionRender={renderOption}
      notFoundContent={loading ? 'Đang tìm…' : 'Không tìm thấy tổ chức'}
      style={{ width: '100%', ...style }}
    />
  );
}
