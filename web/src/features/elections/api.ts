import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client.ts';
import type {
  CongressElectionsDto,
  CountingCommitteeDto,
  CountingHomeDto,
  ElectionDto,
  EntryLogDto,
  EntryRoundDto,
  MyEntriesDto,
  ReconciliationDto,
  RoundReport,
} from '../../../../src/contracts/elections.ts';

export const useCongressElections = (congressId: number) =>
  useQuery({
    queryKey: ['elections', 'congress', congressId],
    queryFn: () => api.get<CongressElectionsDto>(`/api/congresses/${congressId}/elections`),
  });

export const useCountingCommittee = (congressId: number) =>
  useQuery({
    queryKey: ['elections', 'committee', congressId],
    queryFn: () =>
      api.get<CountingCommitteeDto>(`/api/congresses/${congressId}/counting-committee`),
  });

export const useElection = (id: number) =>
  useQuery({
    queryKey: ['elections', 'election', id],
    queryFn: () => api.get<ElectionDto>(`/api/elections/${id}`),
  });

export const useCountingHome = () =>
  useQuery({
    queryKey: ['elections', 'counting'],
    queryFn: () => api.get<CountingHomeDto>('/api/counting'),
  });

export const useEntryRound = (roundId: number) =>
  useQuery({
    queryKey: ['elections', 'round', roundId, 'entry'],
    queryFn: () => api.get<EntryRoundDto>(`/api/election-rounds/${roundId}/entry`),
  });

export const useMyEntries = (roundId: number, batchId: number | null) =>
  useQuery({
    queryKey: ['elections', 'round', roundId, 'mine', batchId],
    queryFn: () =>
      api.get<MyEntriesDto>(`/api/election-rounds/${roundId}/batches/${batchId}/my-entries`),
    enabled: batchId !== null,
  });

export const useReconciliation = (roundId: number) =>
  useQuery({
    queryKey: ['elections', 'round', roundId, 'reconciliation'],
    queryFn: () => api.get<ReconciliationDto>(`/api/election-rounds/${roundId}/reconciliation`),
  });

export const useRoundReport = (roundId: number) =>
  useQuery({
    queryKey: ['elections', 'round', roundId, 'report'],
    queryFn: () => api.get<RoundReport>(`/api/election-rounds/${roundId}/report`),
  });

export const useEntryLog = (roundId: number, page: number, enabled: boolean) =>
  useQuery({
    queryKey: ['elections', 'round', roundId, 'log', page],
    queryFn: () =>
      api.get<EntryLogDto>(`/api/election-rounds/${roundId}/log`, { page, pageSize: 50 }),
    enabled,
  });

/** A POST/PUT that refreshes every elections query on success. */
export function useElectionAction<TBody, TResult = unknown>(
  send: (body: TBody) => Promise<TResult>,
  onDone?: (r: TResult) => void,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['elections'] });
      onDone?.(r);
    },
  });
}

/** The server's Vietnamese message, with each field's message when it gives several. */
export function problemText(err: unknown): string {
  if (!isApiError(err)) return err instanceof Error ? err.message : 'Đã có lỗi xảy ra.';
  if (err.fields.length > 1) return err.fields.map((f) => f.message).join(' ');
  return err.message;
}
