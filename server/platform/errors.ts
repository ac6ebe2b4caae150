import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ZodError } from 'zod';
import type { Locale } from '../../common/enums.js';
import { ERROR_MESSAGES, PROBLEMS, TYPE_NAMES, fieldLabel, translate } from '../../common/messages.js';
import { DATABASE_RETRY_AFTER_S, isDatabaseUnavailable } from './db-availability.js';
import { localeOf } from './i18n.js';
import { pgErrorOf } from './pg-errors.js';
import { mb } from './zip.js';

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

/**
 * The one row a select expects, or a 404 naming what was looked for — instead of `rows[0]!`, which turns a
 * missing row into a 500. `await findOr404(db.select().from(calls).where(eq(calls.id, id)), id)`.
 */
export async function findOr404<T>(rows: T[] | Promise<T[]>, what: string): Promise<T> {
  const row = (await rows)[0];
  if (row === undefined) throw notFound(what);
  return row;
}

/**
 * The one row a statement must give back — `insert … returning`, an `update … returning` of a row the caller
 * has just read, or a list the caller has already proven non-empty. None is a broken invariant, not a missing
 * resource: a 500 whose log names what was expected, instead of `row!` failing later with a TypeError.
 * `const row = await returningOne(tx.insert(things).values(v).returning(), 'thing')`.
 */
export async function returningOne<T>(rows: T[] | Promise<T[]>, what: string): Promise<T> {
  const row = (await rows)[0];
  if (row === undefined) throw new Error(`expected one ${what}, got none`);
  return row;
}

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

export interface IssueLike {
  keyword: string;
  path: string;
  message: string;
  params: Record<string, unknown>;
}

/**
 * What a zod issue says, without words: the field, the PROBLEMS key and its parameters (`expected` is a
 * TYPE_NAMES key). Reports that the web renders (the registry import's) carry this; describeIssue words it.
 */
export function issueProblem(issue: IssueLike): { field: string; problem: string; params: Record<string, unknown> } {
  const p = issue.params;
  let field = issue.path;
  let problem = 'invalid';
  let params: Record<string, unknown> = {};
  switch (issue.keyword) {
    case 'invalid_type': {
      if (/received undefined/.test(issue.message)) problem = 'required';
      else {
        problem = 'type';
        params = { expected: String(p.expected ?? '') };
      }
      break;
    }
    case 'too_small': {
      const origin = p.origin;
      problem = origin === 'string' ? 'too_short' : origin === 'array' ? 'too_few' : 'too_small';
      params = { min: p.minimum };
      break;
    }
    case 'too_big': {
      const origin = p.origin;
      problem = origin === 'string' ? 'too_long' : origin === 'array' ? 'too_many' : 'too_big';
      params = { max: p.maximum };
      break;
    }
    case 'invalid_format':
      problem = issue.message === 'date' ? 'date' : 'format';
      break;
    case 'invalid_value':
      problem = 'one_of';
      params = { options: Array.isArray(p.values) ? p.values.join(', ') : '' };
      break;
    case 'unrecognized_keys': {
      const keys = Array.isArray(p.keys) ? (p.keys as string[]) : [];
      field = [issue.path, keys[0] ?? ''].filter(Boolean).join('.');
      problem = 'unknown_key';
      break;
    }
    default:
      problem = issue.message in PROBLEMS ? issue.message : 'invalid';
  }
  return { field: field || 'body', problem, params };
}

/** One zod issue in the user's language, naming the field. */
export function describeIssue(issue: IssueLike, locale: Locale): { field: string; message: string } {
  const { field, problem, params } = issueProblem(issue);
  const problemParams =
    problem === 'type' ? { expected: TYPE_NAMES[String(params.expected)]?.[locale] ?? String(params.expected) } : params;
  const label =
    field !== 'body' ? fieldLabel(field, locale) : translate({ body: { 'zh-CN': '请求内容', 'en-US': 'request body' } }, 'body', locale);
  return {
    field,
    message: translate(ERROR_MESSAGES, 'validation', locale, {
      field: label,
      problem: translate(PROBLEMS, problem, locale, problemParams),
    }),
  };
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

/** Phrases of a JavaScript or driver error, which a parameter such as `detail` may have picked up from a library. */
const INTERNAL_TEXT =
  /\b(TypeError|RangeError|ReferenceError|SyntaxError|EvalError)\b|Cannot read propert|is not a function|is not defined|\bundefined\b|node_modules|\bat [\w.<>]+ \(|invalid input syntax|violates|duplicate key/;

/** An error's parameters, with any that carry an internal text replaced by a plain word (the text is logged). */
function withoutInternals(req: FastifyRequest, params: Record<string, unknown>, locale: Locale): Record<string, unknown> {
  const out: Record<string, unknown> = { ...params };
  for (const [k, v] of Object.entries(params))
    if (typeof v === 'string' && INTERNAL_TEXT.test(v)) {
      req.log.warn({ param: k, text: v }, 'internal text kept from the user');
      out[k] = translate(ERROR_MESSAGES, 'detail_withheld', locale, { requestId: req.id });
    }
  return out;
}

/** SQLSTATEs of values the database refused, as the status and message code the user gets. */
const DB_REFUSALS: Record<string, { status: number; code: string }> = {
  '22P02': { status: 400, code: 'db_invalid_text' }, // invalid_text_representation ("invalid input syntax")
  '22003': { status: 400, code: 'db_out_of_range' }, // numeric_value_out_of_range
  '22001': { status: 400, code: 'db_too_long' }, // string_data_right_truncation
  '22007': { status: 400, code: 'db_bad_date' }, // invalid_datetime_format
  '22008': { status: 400, code: 'db_bad_date' }, // datetime_field_overflow
  '22021': { status: 400, code: 'db_bad_character' }, // character_not_in_repertoire (a NUL in text)
  '22P05': { status: 400, code: 'db_bad_character' }, // untranslatable_character (\u0000 in jsonb)
  '23505': { status: 409, code: 'db_duplicate' }, // unique_violation
  '23503': { status: 409, code: 'db_reference' }, // foreign_key_violation
  '23502': { status: 400, code: 'db_required' }, // not_null_violation
  '23514': { status: 400, code: 'db_check' }, // check_violation
};

/** Fastify's own refusals, by error code, as our message codes. */
const FRAMEWORK_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
};

const CONTENT_TYPE_PARSER = Symbol.for('fastify.contentTypeParser');

/**
 * The body limit that applied to the request: the route's own `bodyLimit`, else the one its content
 * type's parser was registered with (uploads: 20 MB), else the server's.
 */
export function bodyLimitOf(req: FastifyRequest): number {
  const server = req.server.initialConfig.bodyLimit ?? 1_048_576;
  const route = req.routeOptions.bodyLimit;
  if (route && route !== server) return route;
  // Fastify keeps the parsers under a symbol of its own (not a registered one): found by its description.
  let key: symbol | undefined;
  for (let o: object | null = req.server; o && !key; o = Object.getPrototypeOf(o) as object | null)
    key = Object.getOwnPropertySymbols(o).find((k) => k.description === CONTENT_TYPE_PARSER.description);
  const parsers = key
    ? (req.server as unknown as Record<symbol, { getParser?(type: string): { bodyLimit?: number } | undefined }>)[key]
    : undefined;
  const type = req.headers['content-type'];
  const parser = typeof type === 'string' && parsers?.getParser ? safely(() => parsers.getParser!(type)) : undefined;
  return parser?.bodyLimit ?? route ?? server;
}

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/**
 * Fastify answers a malformed URL (bad percent-encoding, an over-long parameter) before routing, with its
 * own text; passed as the `frameworkErrors` option, this answers in the user's language instead.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const locale = localeOf(req);
  const code = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'url_too_long' : 'bad_url';
  const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  void send(reply, req, status, code, translate(ERROR_MESSAGES, code, locale));
}

export function registerErrorHandling(app: FastifyInstance, opts: { spaIndex: boolean } = { spaIndex: false }): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const locale = localeOf(req);
    if (err instanceof AppError) {
      const message = translate(ERROR_MESSAGES, err.code, locale, {
        ...withoutInternals(req, err.params, locale),
        ...(err.field ? { field: fieldLabel(err.field, locale) } : {}),
        // A `validation` error raised outside zod names its problem by a PROBLEMS key.
        ...(typeof err.params.problem === 'string' ? { problem: translate(PROBLEMS, err.params.problem, locale, err.params) } : {}),
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
        translate(ERROR_MESSAGES, 'payload_too_large', locale, { limit: mb(bodyLimitOf(req)) }),
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
    // The database refused a value: a localised 400/409, never the driver's text.
    const pg = pgErrorOf(err);
    const refused = pg && DB_REFUSALS[pg.code];
    if (refused) {
      req.log.warn({ err }, 'database refused a value');
      return send(reply, req, refused.status, refused.code, translate(ERROR_MESSAGES, refused.code, locale));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Framework and library errors carry texts for developers: the user gets a message of ours.
      req.log.info({ err }, 'request refused');
      const code = FRAMEWORK_CODES[fe.code ?? ''] ?? (fe.statusCode === 405 ? 'method_not_allowed' : 'bad_request');
      const type = String(req.headers['content-type'] ?? '').slice(0, 100);
      return send(reply, req, fe.statusCode, code, translate(ERROR_MESSAGES, code, locale, { type }));
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
