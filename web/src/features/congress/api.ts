import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type {
  AttendeePage,
  CongressDto,
  CongressPage,
  NominationDto,
  PlanDto,
  ThresholdBaseDto,
} from '../../../../src/contracts/congress.ts';

export * from '../../../../src/contracts/congress.ts';

export const useCongresses = (query: { q?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['congress', 'list', query],
    queryFn: () => api.get<CongressPage>('/api/congresses', query),
    placeholderData: keepPreviousData,
  });

export const useCongress = (id: number) =>
  useQuery({
    queryKey: ['congress', id, 'info'],
    queryFn: () => api.get<CongressDto>(`/api/congresses/${id}`),
  });

export const useAttendees = (
  id: number,
  query: { q?: string; status?: string; role?: string; page: number; pageSize: number },
) =>
  useQuery({
    queryKey: ['congress', id, 'attendees', query],
    queryFn: () => api.get<AttendeePage>(`/api/congresses/${id}/attendees`, query),
    placeholderData: keepPreviousData,
  });

export const useThresholdBase = (id: number) =>
  useQuery({
    queryKey: ['congress', id, 'base'],
    queryFn: () =>
      api.get<ThresholdBaseDto & { present: number }>(`/api/congresses/${id}/threshold-base`),
  });

export const usePlan = (id: number, bodyId: number | null) =>
  useQuery({
    queryKey: ['congress', id, 'plan', bodyId],
    queryFn: () => api.get<PlanDto>(`/api/congresses/${id}/bodies/${bodyId}/plan`),
    enabled: bodyId !== null,
  });

export const useNomination = (id: number, bodyId: number | null) =>
  useQuery({
    queryKey: ['congress', id, 'nomination', bodyId],
    queryFn: () => api.get<NominationDto>(`/api/congresses/${id}/bodies/${bodyId}/nomination`),
    enabled: bodyId !== null,
  });

/** A change to a congress: everything cached under it is refetched afterwards. */
export function useCongressAction<A, R = unknown>(congressId: number, fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: ['congress', congressId] }),
  });
}

/** "14,08%" */
export const percent = (n: number) => `${n.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;
