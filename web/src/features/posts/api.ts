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

/** A GET link for an xlsx export: the session cookie goes with it. */
export function exportHref(path: string, query: Record<string, string | number | undefined>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}
