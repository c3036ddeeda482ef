import { api } from '../../api/client.ts';
import { rememberUnits } from '../../components/UnitPicker.tsx';
import type { UnitDto } from '../../lib/contracts.ts';

/** Children of a unit, or (parentId null) the caller's own root unit as a one-element list. */
export async function fetchChildren(
  parentId: number | null,
  includeClosed: boolean,
): Promise<UnitDto[]> {
  const units = await api.get<UnitDto[]>('/api/units/children', {
    parentId: parentId ?? undefined,
    includeClosed,
  });
  rememberUnits(units);
  return units;
}

export const unitStatusColors: Record<UnitDto['status'], string> = {
  active: 'green',
  merged: 'purple',
  split: 'orange',
  dissolved: 'default',
};
