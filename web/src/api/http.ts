import type { FieldIssue } from '../../../common/contracts/common';
import type { Locale } from '../../../common/enums';

export type { FieldIssue };

/** A failed request, carrying the server's already-localised message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details: FieldIssue[] = [],
    readonly requestId?: string,
    /** error.details when they are not field issues (e.g. an import report). */
    readonly payload?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// Set by the i18n provider; read per request so a language switch applies at once.
let requestLocale: Locale = 'zh-CN';
export function setRequestLocale(locale: Locale): void {
  requestLocale = locale;
}

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function isFieldIssues(value: unknown): value is FieldIssue[] {
  return Array.isArray(value) && value.every((d) => typeof d === 'object' && d !== null && 'field' in d && 'message' in d);
}

async function toApiError(res: Response): Promise<ApiError> {
  const requestId = res.headers.get('x-request-id') ?? undefined;
  try {
    const body = (await res.json()) as {
      error?: { code?: string; message?: string; field?: string; details?: unknown };
      requestId?: string;
    };
    if (body.error?.message) {
      const { code = 'error', message, field, details } = body.error;
      const issues = isFieldIssues(details);
      return new ApiError(
        res.status,
        code,
        message,
        field,
        issues ? details : [],
        body.requestId ?? requestId,
        issues ? undefined : details,
      );
    }
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a generic error.
  }
  return new ApiError(res.status, 'http', `HTTP ${res.status} ${res.statusText}`.trim(), undefined, [], requestId);
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

function headersFor(method: string, accept: string, contentType?: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: accept, 'X-Kechuang-Locale': requestLocale };
  if (contentType) headers['Content-Type'] = contentType;
  if (method !== 'GET') {
    const csrf = readCookie('kc_csrf');
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  return headers;
}

async function send(method: string, path: string, accept: string, body?: BodyInit, contentType?: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: headersFor(method, accept, contentType),
      credentials: 'same-origin',
      ...(body !== undefined ? { body } : {}),
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

export async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  // Fastify rejects an empty body declared as JSON, so only say JSON when there is one.
  const res =
    body === undefined
      ? await send(method, path, 'application/json')
      : await send(method, path, 'application/json', JSON.stringify(body), 'application/json');
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Posts a file as the raw request body (the server reads it by its content type); the answer is JSON. */
export async function upload<T>(path: string, file: Blob, contentType: string): Promise<T> {
  const res = await send('POST', path, 'application/json', file, contentType);
  return (await res.json()) as T;
}

/** A file the server generates from a JSON body, with the name it suggests. */
export async function postForFile(path: string, body: unknown): Promise<{ blob: Blob; filename: string | null; headers: Headers }> {
  const res = await send('POST', path, '*/*', JSON.stringify(body), 'application/json');
  return { blob: await res.blob(), filename: filenameOf(res.headers.get('content-disposition')), headers: res.headers };
}

function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // Malformed: fall back to the plain name.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query));
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
