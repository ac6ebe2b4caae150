import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ZodError } from 'zod';
import type { Locale } from '../../common/enums.js';
import { ERROR_MESSAGES, PROBLEMS, TYPE_NAMES, fieldLabel, translate } from '../../common/messages.js';
import { DATABASE_RETRY_AFTER_S, isDatabaseUnavailable } from './db-availability.js';
import { localeOf } from './i18n.js';

/** An error meant for the user: an HTTP status, a message code, parameters and optionally the field. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(code);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', { what });

/** One of several problems found in a batch; the error handler localises each. */
export interface Problem {
  field: string;
  code: string;
  params: Record<string, unknown>;
}

const isProblemList = (d: unknown): d is Problem[] =>
  Array.isArray(d) && d.every((p) => typeof p === 'object' && p !== null && 'code' in p && 'field' in p);

export function localiseProblem(p: Problem, locale: Locale): { field: string; message: string } {
  return { field: p.field, message: translate(ERROR_MESSAGES, p.code, locale, { ...p.params, field: fieldLabel(p.field, locale) }) };
}
export const forbidden = () => new AppError(403, 'forbidden');

interface IssueLike {
  keyword: string;
  path: string;
  message: string;
  params: Record<string, unknown>;
}

/** One zod issue in the user's language, naming the field. */
export function describeIssue(issue: IssueLike, locale: Locale): { field: string; message: string } {
  const p = issue.params;
  let field = issue.path;
  let problemKey = 'invalid';
  let problemParams: Record<string, unknown> = {};
  switch (issue.keyword) {
    case 'invalid_type': {
      if (/received undefined/.test(issue.message)) problemKey = 'required';
      else {
        problemKey = 'type';
        const expected = String(p.expected ?? '');
        problemParams = { expected: TYPE_NAMES[expected]?.[locale] ?? expected };
      }
      break;
    }
    case 'too_small': {
      const origin = p.origin;
      problemKey = origin === 'string' ? 'too_short' : origin === 'array' ? 'too_few' : 'too_small';
      problemParams = { min: p.minimum };
      break;
    }
    case 'too_big': {
      const origin = p.origin;
      problemKey = origin === 'string' ? 'too_long' : origin === 'array' ? 'too_many' : 'too_big';
      problemParams = { max: p.maximum };
      break;
    }
    case 'invalid_format':
      problemKey = issue.message === 'date' ? 'date' : 'format';
      break;
    case 'invalid_value':
      problemKey = 'one_of';
      problemParams = { options: Array.isArray(p.values) ? p.values.join(', ') : '' };
      break;
    case 'unrecognized_keys': {
      const keys = Array.isArray(p.keys) ? (p.keys as string[]) : [];
      field = [issue.path, keys[0] ?? ''].filter(Boolean).join('.');
      problemKey = 'unknown_key';
      break;
    }
    default:
      problemKey = issue.message in PROBLEMS ? issue.message : 'invalid';
  }
  const label = field ? fieldLabel(field, locale) : translate({ body: { 'zh-CN': '请求内容', 'en-US': 'request body' } }, 'body', locale);
  const problem = translate(PROBLEMS, problemKey, locale, problemParams);
  return { field: field || 'body', message: translate(ERROR_MESSAGES, 'validation', locale, { field: label, problem }) };
}

export function zodErrorToIssues(error: ZodError): IssueLike[] {
  return error.issues.map((i) => {
    const { path, code, message, ...rest } = i as unknown as {
      path: PropertyKey[];
      code: string;
      message: string;
      [k: string]: unknown;
    };
    return { keyword: code, path: path.map(String).join('.'), message, params: rest };
  });
}

function send(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: string,
  message: string,
  extra: { field?: string; details?: unknown } = {},
) {
  return reply.status(status).send({
    error: {
      code,
      message,
      ...(extra.field ? { field: extra.field } : {}),
      ...(extra.details !== undefined ? { details: extra.details } : {}),
    },
    requestId: req.id,
  });
}

export function registerErrorHandling(app: FastifyInstance, opts: { spaIndex: boolean } = { spaIndex: false }): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const locale = localeOf(req);
    if (err instanceof AppError) {
      const message = translate(ERROR_MESSAGES, err.code, locale, {
        ...err.params,
        ...(err.field ? { field: fieldLabel(err.field, locale) } : {}),
      });
      const details = isProblemList(err.details) ? err.details.map((p) => localiseProblem(p, locale)) : err.details;
      return send(reply, req, err.status, err.code, message, { ...(err.field ? { field: err.field } : {}), details });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        keyword: v.keyword,
        path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        message: v.message ?? '',
        params: v.params as Record<string, unknown>,
      }));
      const described = issues.map((i) => describeIssue(i, locale));
      const first = described[0]!;
      return send(reply, req, 400, 'validation', first.message, { field: first.field, details: described });
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && err instanceof SyntaxError)) {
      return send(reply, req, 400, 'bad_json', translate(ERROR_MESSAGES, 'bad_json', locale, { detail: err.message }));
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(
        reply,
        req,
        413,
        'payload_too_large',
        translate(ERROR_MESSAGES, 'payload_too_large', locale, { limit: app.initialConfig.bodyLimit }),
      );
    }
    // The database cannot be reached (stopped, restarting, unreachable): try again shortly (db-availability.ts).
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err: { message: err.message, code: (err as { code?: unknown }).code } }, 'database unavailable');
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_S));
      return send(
        reply,
        req,
        503,
        'database_unavailable',
        translate(ERROR_MESSAGES, 'database_unavailable', locale, { seconds: DATABASE_RETRY_AFTER_S }),
      );
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return send(reply, req, fe.statusCode, fe.code ?? 'bad_request', err.message);
    }
    req.log.error({ err }, 'unhandled error');
    return send(reply, req, 500, 'internal', translate(ERROR_MESSAGES, 'internal', locale, { requestId: req.id }));
  });

  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the web app are answered with its index page.
    if (opts.spaIndex && req.method === 'GET' && !req.url.startsWith('/api/') && !/\.\w+$/.test(req.url.split('?')[0] ?? '')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const locale = localeOf(req);
    return send(
      reply,
      req,
      404,
      'route_not_found',
      translate(ERROR_MESSAGES, 'route_not_found', locale, { method: req.method, url: req.url.split('?')[0] }),
    );
  });
}
