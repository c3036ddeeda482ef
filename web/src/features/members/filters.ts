import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Member-list filters live in the URL under the same names as the API's query parameters,
 * so a filtered list can be bookmarked or shared and the back button restores it.
 */
export const filterKeys = [
  'q',
  'unitId',
  'subtree',
  'gender',
  'status',
  'ethnicity',
  'religion',
  'hometownProvince',
  'birthFrom',
  'birthTo',
  'joinFrom',
  'joinTo',
  'officialFrom',
  'officialTo',
  'generalEducation',
  'professionalLevel',
  'politicalTheory',
  'stateManagement',
  'exempted',
  'tempAttendance',
  'idNumber',
  'cardNumber',
  'birthplace',
  'hometownCommune',
  'residence',
  'professionalField',
  'archived',
] as const;
export type FilterKey = (typeof filterKeys)[number];

/** Filters shown in the collapsible panel (the rest are always visible). */
export const advancedKeys: readonly FilterKey[] = filterKeys.filter(
  (k) => k !== 'q' && k !== 'unitId' && k !== 'subtree',
);

export const DEFAULT_PAGE_SIZE = 50;

type Change = string | readonly string[] | null | undefined;

export function useMemberFilters() {
  const [params, setParams] = useSearchParams();

  const get = useCallback((k: FilterKey) => params.get(k) ?? undefined, [params]);
  const getList = useCallback(
    (k: FilterKey) => (params.get(k) ?? '').split(',').filter(Boolean),
    [params],
  );

  /** Applies changes; any filter change goes back to page 1. */
  const update = useCallback(
    (changes: Partial<Record<FilterKey | 'page' | 'pageSize', Change>>, replace = false) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          let filterChanged = false;
          for (const [k, v] of Object.entries(changes)) {
            const value = Array.isArray(v) ? v.join(',') : (v as string | null | undefined);
            if (value === undefined || value === null || value === '') next.delete(k);
            else next.set(k, value);
            if (k !== 'page' && k !== 'pageSize') filterChanged = true;
          }
          if (filterChanged) next.delete('page');
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );

  const clearAll = useCallback(() => {
    setParams((prev) => {
      const next = new URLSearchParams();
      const pageSize = prev.get('pageSize');
      if (pageSize) next.set('pageSize', pageSize);
      return next;
    });
  }, [setParams]);

  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE));

  /** The API query: the URL's filters plus paging. */
  const apiQuery = new URLSearchParams();
  for (const k of filterKeys) {
    const v = params.get(k);
    if (v) apiQuery.set(k, v);
  }
  apiQuery.set('page', String(page));
  apiQuery.set('pageSize', String(pageSize));

  const advancedCount = advancedKeys.filter((k) => params.get(k)).length;

  return { params, get, getList, update, clearAll, page, pageSize, apiQuery, advancedCount };
}

export type MemberFilters = ReturnType<typeof useMemberFilters>;
