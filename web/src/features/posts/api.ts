import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { PostTitleDto } from '../../lib/contracts.ts';

export function usePostTitles(includeInactive = false) {
  return useQuery({
    queryKey: ['post-titles', includeInactive],
    queryFn: () =>
      api.get<PostTitleDto[]>('/api/post-titles', {
        includeInactive: includeInactive ? 'true' : undefined,
      }),
    staleTime: 60_000,
  });
}
