import { ApiError } from '../../api/client.ts';
import type { ImportJobDto, ImportKind } from '../../lib/contracts.ts';

/** Where a template is downloaded (a plain GET link: the session cookie goes with it). */
export const templateUrl = (kind: ImportKind) => `/api/imports/templates/${kind}.xlsx`;

/** The export of a members list, with the list's own query string. */
export const membersExportUrl = (query: string) =>
  `/api/members/export.xlsx${query ? `?${query}` : ''}`;

/**
 * Sends the file with XMLHttpRequest rather than fetch, which cannot report upload progress;
 * answers and errors take the same shape as the rest of the API client.
 */
export function uploadImport(opts: {
  kind: ImportKind;
  unitId: number;
  file: File;
  csrfToken: string;
  onProgress: (percent: number) => void;
}): Promise<ImportJobDto> {
  const form = new FormData();
  form.append('kind', opts.kind);
  form.append('unitId', String(opts.unitId));
  form.append('file', opts.file, opts.file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.setRequestHeader('x-csrf-token', opts.csrfToken);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'network', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng.'));
    xhr.onload = () => {
      let data: { message?: string; error?: string; fields?: [] } | ImportJobDto | null = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status === 201 && data) return resolve(data as ImportJobDto);
      const err = (data ?? {}) as { message?: string; error?: string; fields?: [] };
      reject(
        new ApiError(
          xhr.status,
          err.error ?? 'http_error',
          err.message ?? `Lỗi máy chủ (HTTP ${xhr.status}).`,
          err.fields ?? [],
        ),
      );
    };
    xhr.send(form);
  });
}

/** The list's filters without its paging: an export takes the whole filtered list. */
export function exportQuery(listQuery: URLSearchParams): string {
  const q = new URLSearchParams(listQuery);
  q.delete('page');
  q.delete('pageSize');
  return q.toString();
}
