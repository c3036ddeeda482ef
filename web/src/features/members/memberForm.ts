import { memberFieldLabels } from '../../lib/contracts.ts';
import type { MemberDto, MemberFields, MemberStatus } from '../../lib/contracts.ts';

export type MemberFieldName = keyof MemberFields;

/** Every editable field of a member record, in form order. */
export const memberFieldNames = Object.keys(memberFieldLabels).filter(
  (k) => k !== 'unitId' && k !== 'version',
) as MemberFieldName[];

/** Form state: the record's fields (possibly still empty) plus the unit on creation. */
export type MemberFormValues = { [K in MemberFieldName]?: MemberFields[K] | null } & {
  unitId?: number | null;
};

export const emptyMember: MemberFormValues = {
  ethnicity: 'Kinh',
  religion: 'Không',
  status: 'probationary',
  exempted: false,
  professionalLevel: 'none',
  politicalTheory: 'none',
  stateManagement: 'none',
};

export function toFormValues(m: MemberDto): MemberFormValues {
  const values: Record<string, unknown> = {};
  for (const k of memberFieldNames) values[k] = m[k];
  return values as MemberFormValues;
}

/** Trims text and turns empty inputs into null, as the API stores them. */
export function normalize(values: MemberFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of memberFieldNames) {
    if (!(k in values)) continue;
    let v: unknown = values[k];
    if (typeof v === 'string') v = v.trim() === '' ? null : v.trim();
    if (v === undefined) v = null;
    out[k] = v;
  }
  if (out.exempted === null) out.exempted = false;
  return out;
}

/** Fields whose normalised value differs from the stored record. */
export function changedFields(
  original: MemberFormValues,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const before = normalize(original);
  const changes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(v ?? null)) changes[k] = v;
  }
  return changes;
}

export const memberStatusColors: Record<MemberStatus, string> = {
  full: 'green',
  probationary: 'blue',
  transferred_out: 'default',
  deceased: 'default',
  removed: 'orange',
  expelled: 'red',
  resigned: 'orange',
};
