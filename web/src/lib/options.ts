import { searchKey } from './vn.ts';

export interface Option<V extends string | number = string> {
  value: V;
  label: string;
}

/** Select options from a code list and its Vietnamese labels, in the list's order. */
export function enumOptions<K extends string>(codes: readonly K[], labels: Record<K, string>) {
  return codes.map((code) => ({ value: code, label: labels[code] }));
}

/** Select options from a list of Vietnamese names (dân tộc, tôn giáo, tỉnh). */
export function listOptions(values: readonly string[]): Option[] {
  return values.map((v) => ({ value: v, label: v }));
}

/** Select search that ignores diacritics: "ha noi" finds "Hà Nội". */
export function vnFilterOption(input: string, option?: { label?: unknown }): boolean {
  return searchKey(String(option?.label ?? '')).includes(searchKey(input));
}

/** `showSearch` config for antd Select with the Vietnamese-aware filter. */
export const vnSearch = { filterOption: vnFilterOption };
