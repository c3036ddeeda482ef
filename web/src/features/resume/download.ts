// Files from the API (résumé .docx/PDF): fetched with the session cookie (and the CSRF header
// for POST), then saved under the name the server gives in Content-Disposition.
import { ApiError } from '../../api/client.ts';

function fileNameOf(header: string | null, fallback: string): string {
  const star = header?.match(/filename\*=UTF-8''([^;]+)/i);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = header?.match(/filename="([^"]+)"/i);
  return plain?.[1] ?? fallback;
}

export async function downloadFile(
  url: string,
  opts: { method?: 'GET' | 'POST'; body?: unknown; csrfToken?: string; fallbackName: string },
): Promise<void> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.method === 'POST' && opts.csrfToken) headers['x-csrf-token'] = opts.csrfToken;
  let res: Response;
  try {
    res = await fetch(url, {
      method: opts.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng.');
  }
  if (!res.ok) {
    const data = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
    throw new ApiError(
      res.status,
      data.error ?? 'http_error',
      data.message ?? `Không tải được tệp (HTTP ${res.status}).`,
    );
  }
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res.headers.get('content-disposition'), opts.fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
