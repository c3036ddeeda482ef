// The one place that talks HTTP to the CanBo API: same origin, cookie session, JSON bodies,
// CSRF header on every state-changing request, and errors turned into ApiError.

export interface FieldError {
  field: string;
  label: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  get isConflict(): boolean {
    return this.status === 409;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Set from the login response or /api/auth/me; cleared on logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request (other than the auth probes) answers 401: the session has ended. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | null | undefined | readonly string[]>;

export function buildQuery(query?: Query | URLSearchParams): string {
  if (!query) return '';
  const params = query instanceof URLSearchParams ? query : new URLSearchParams();
  if (!(query instanceof URLSearchParams)) {
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '') continue;
      if (Array.isArray(value)) {
        if (value.length > 0) params.set(key, value.join(','));
      } else {
        params.set(key, String(value));
      }
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const STATUS_MESSAGES: Record<number, string> = {
  401: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy dữ liệu yêu cầu.',
  409: 'Dữ liệu đã được người khác cập nhật. Vui lòng tải lại.',
  413: 'Dữ liệu gửi lên quá lớn.',
  429: 'Thao tác quá nhiều lần, vui lòng thử lại sau.',
};

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  retried = false,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // Uploads (FormData) let the browser write the multipart content type and boundary.
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng.');
  }

  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }

  if (!res.ok) {
    const err = (data ?? {}) as { error?: unknown; message?: unknown; fields?: unknown };
    const message =
      typeof err.message === 'string' && err.message
        ? err.message
        : (STATUS_MESSAGES[res.status] ?? `Lỗi máy chủ (HTTP ${res.status}).`);
    const fields = Array.isArray(err.fields) ? (err.fields as FieldError[]) : [];
    const apiError = new ApiError(
      res.status,
      typeof err.error === 'string' ? err.error : 'http_error',
      message,
      fields,
    );
    if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.();
    // A stale CSRF token (e.g. the session was renewed in another tab): fetch the current one
    // from /api/auth/me and try once more.
    if (res.status === 403 && apiError.code === 'CSRF' && !retried) {
      const me = await request<{ csrfToken: string }>('GET', '/api/auth/me').catch(() => null);
      if (me?.csrfToken) {
        csrfToken = me.csrfToken;
        return request<T>(method, path, body, true);
      }
    }
    throw apiError;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query | URLSearchParams) =>
    request<T>('GET', `${path}${buildQuery(query)}`),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** multipart/form-data POST (file uploads), with the same CSRF header and error handling. */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};
