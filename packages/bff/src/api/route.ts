import type Router from '@koa/router';
import {
  type AnyRouteSpec,
  contract,
  type ParsedRouteBody,
  type ParsedRouteQuery,
  type RouteName,
  type RouteParams,
  type RouteReply,
  routes,
} from '@mandarin-kit/core';
import type { Context } from 'koa';
import { notFound } from '../http/BffError.js';
import { readJson } from '../http/readBody.js';
import { requireRole } from './context.js';

/** What a route's handler gets besides the context: everything read and checked by the route table. */
export interface RouteInput<N extends RouteName> {
  /** The path parameters, each valid by its schema (a malformed one was answered 404 before the handler). */
  params: RouteParams<N>;
  /** The query string parsed by the table's schema; a bad one throws (400 VALIDATION_FAILED with fields). */
  query(): ParsedRouteQuery<N>;
  /**
   * The JSON body parsed by the table's schema; a bad one throws (400 VALIDATION_FAILED with fields). Read when
   * the handler asks, so that its own checks (the owner first) come before the body's.
   */
  body(): Promise<ParsedRouteBody<N>>;
}

/** A route's handler: it answers one of the statuses the table declares, with that status's view. */
export type RouteHandler<N extends RouteName> = (
  ctx: Context,
  input: RouteInput<N>,
) => Promise<RouteReply<N>> | RouteReply<N>;

type Method = 'get' | 'post' | 'patch' | 'delete';

/**
 * Registers route `name` of the browser API's table on `router` (mounted under `/api`): its method and path come
 * from the table, operators-only routes refuse anyone else (403), path parameters are checked by their schemas
 * (a malformed id is simply not found), and the handler's answer is typed as the table declares it.
 */
export function route<N extends RouteName>(router: Router, name: N, handler: RouteHandler<N>): void {
  const { method, path } = routes[name];
  const spec = contract[name] as AnyRouteSpec;
  const paramSpecs = Object.entries(spec.params ?? {});
  router[method.toLowerCase() as Method](path.slice('/api'.length), async (ctx) => {
    if (spec.access === 'operator') requireRole(ctx, 'operator');
    const raw = (ctx as Context & { params: Record<string, string | undefined> }).params;
    const params: Record<string, string> = {};
    for (const [key, param] of paramSpecs) {
      const parsed = param.schema.safeParse(raw[key]);
      if (!parsed.success) throw notFound(param.what);
      params[key] = parsed.data;
    }
    let body: Promise<unknown> | undefined;
    const reply: { status: number; body: unknown } = await handler(ctx, {
      params: params as RouteParams<N>,
      query: () =>
        (spec.query === undefined ? undefined : spec.query.parse(ctx.query)) as ParsedRouteQuery<N>,
      body: () => {
        body ??= readJson(ctx).then((json) => spec.body?.parse(json));
        return body as Promise<ParsedRouteBody<N>>;
      },
    });
    ctx.status = reply.status;
    if (reply.body !== undefined) ctx.body = reply.body;
  });
}

/** `{ status: 200, body }`: the usual answer of a route that reads. */
export function ok<T>(body: T): { status: 200; body: T } {
  return { status: 200, body };
}

/** One route the BFF serves under `/api`, as a router lists it. */
export interface ServedRoute {
  method: string;
  path: string;
}

/**
 * The differences between the routes a router serves and the table: routes served that the table lacks, and
 * routes of the table nobody serves. Both lists are empty when the BFF answers exactly the browser API.
 */
export function routeTableDrift(served: readonly ServedRoute[]): {
  undeclared: string[];
  unserved: string[];
} {
  const key = (method: string, path: string) => `${method} ${path}`;
  const declared = new Set(Object.values(routes).map((r) => key(r.method, r.path)));
  const seen = new Set(served.map((r) => key(r.method, r.path)));
  return {
    undeclared: [...seen].filter((k) => !declared.has(k)),
    unserved: [...declared].filter((k) => !seen.has(k)),
  };
}

/** The routes `router` serves (not its middleware), HEAD left out (Koa answers it with GET). */
export function servedRoutes(router: Router): ServedRoute[] {
  return router.stack.flatMap((layer) =>
    layer.methods.filter((m) => m !== 'HEAD').map((method) => ({ method, path: layer.path as string })),
  );
}
