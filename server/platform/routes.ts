import type { FastifyContextConfig, FastifyInstance, FastifySchema } from 'fastify';
import type { AccessRule } from './access.js';

/**
 * The route registry: one onRoute hook records every /api route as registered (its method, url, schema and
 * config), once per method, HEAD and the documentation pages (/api/docs) left out. The OpenAPI document reads it
 * (which routes are public, which declare a 2xx response), and so do the access-matrix, edge and rate-limit
 * tests and the contract report (every route and its access rule).
 */
export interface RouteEntry {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
  config: FastifyContextConfig | undefined;
  /** Signed-in or not, anyone may call it (`config.public`). */
  public: boolean;
  /** Its access rule (`config.access`); undefined on a public route. */
  access: AccessRule | undefined;
  /** The status codes its `schema.response` declares. */
  responses: string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route as registered (registerRouteRegistry's collector). */
    routeRegistry: RouteEntry[];
  }
}

const isApiRoute = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

/** Decorates the app with its route registry and installs its collector. Call before any route is registered. */
export function registerRouteRegistry(app: FastifyInstance): void {
  const routes: RouteEntry[] = [];
  app.decorate('routeRegistry', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const config = route.config as FastifyContextConfig | undefined;
    const response = (route.schema as { response?: Record<string, unknown> } | undefined)?.response;
    for (const method of methods) {
      if (method === 'HEAD' || !isApiRoute(route.url)) continue;
      routes.push({
        method,
        url: route.url,
        schema: route.schema,
        config,
        public: Boolean(config?.public),
        access: config?.access,
        responses: Object.keys(response ?? {}),
      });
    }
  });
}

/** The /api routes that declare no 2xx response schema, as `METHOD /url`, sorted. */
export function routesWithoutResponse(app: FastifyInstance): string[] {
  return app.routeRegistry
    .filter((r) => !r.responses.some((s) => /^2(\d\d|XX)$/i.test(s)))
    .map((r) => `${r.method} ${r.url}`)
    .sort();
}
