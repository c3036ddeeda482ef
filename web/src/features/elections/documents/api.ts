import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type {
  AcceptanceDto,
  AcceptBody,
  BodyStatsDto,
} from '../../../../../src/contracts/election-documents.ts';

export const useBodyStats = (electionId: number) =>
  useQuery({
    queryKey: ['elections', 'election', electionId, 'stats'],
    queryFn: () => api.get<BodyStatsDto>(`/api/elections/${electionId}/stats`),
  });

export const useAcceptance = (electionId: number) =>
  useQuery({
    queryKey: ['elections', 'election', electionId, 'acceptance'],
    queryFn: () => api.get<AcceptanceDto>(`/api/elections/${electionId}/acceptance`),
  });

export function useAccept(electionId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptBody) =>
      api.post<AcceptanceDto>(`/api/elections/${electionId}/acceptance`, body),
    // The approval writes posts: every cached list of appointments may change.
    onSuccess: () => qc.invalidateQueries(),
  });
}
