import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasControlChars } from '../../common/contracts/primitives.js';
import { AppError } from './errors.js';

/**
 * Control characters (NUL and the rest of C0 but tab and line breaks, and DEL) are refused in every
 * string a request carries — URL parameters, query, JSON body, and the keys of its objects — with a 400
 * naming the field. PostgreSQL stores no NUL in text or jsonb, and none of them belongs in a name, a note
 * or a search, so nothing that holds one reaches a resolver, a service or the database.
 */
export function controlCharField(req: Pick<FastifyRequest, 'params' | 'query' | 'body'>): string | undefined {
  const roots: [string, unknown][] = [
    ['', req.params],
    ['', req.query],
  ];
  // Raw uploads (a Buffer: xlsx, csv, attachments) are files, checked by their own readers.
  if (req.body !== null && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) roots.push(['', req.body]);
  else if (typeof req.body === 'string') roots.push(['body', req.body]);
  const stack = roots;
  while (stack.length) {
    const [path, value] = stack.pop()!;
    if (typeof value === 'string') {
      if (hasControlChars(value)) return path || 'body';
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push([path ? `${path}.${i}` : String(i), v]));
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [k, v] of Object.entries(value)) {
        const at = path ? `${path}.${k}` : k;
        if (hasControlChars(k)) return at;
        stack.push([at, v]);
      }
    }
  }
  return undefined;
}

/**
 * Registered after the session and CSRF hooks (an anonymous caller still gets 401) and before the access
 * hook, whose resolvers read the database with the URL's keys.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/') || req.is404) return;
    const field = controlCharField(req);
    if (field !== undefined) throw new AppError(400, 'validation', { problem: 'control_char' }, field);
  });
}
