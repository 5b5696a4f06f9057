import type { z } from 'zod';
import type { contract } from './contract.js';
import type { RouteName } from './routes.js';

// The types each route's handler and caller are held to, read off the contract: what a route takes once sent
// and once parsed, and what it may answer. Types only: nothing here reaches a bundle.

/** The contract's table type. */
export type Contract = typeof contract;

type AnswersOf<N extends RouteName> = Contract[N]['responses'];
type StatusOf<N extends RouteName> = keyof AnswersOf<N> & number;
type SentBody<A> = A extends z.ZodType ? z.input<A> : A extends null ? undefined : unknown;
type ReadBody<A> = A extends z.ZodType ? z.output<A> : A extends null ? undefined : never;

/** The JSON body of route `N` as the browser sends it (`never` for a route without one). */
export type RouteBody<N extends RouteName> = Contract[N] extends { body: infer S extends z.ZodType }
  ? z.input<S>
  : never;
/** The body of route `N` once the BFF has parsed it. */
export type ParsedRouteBody<N extends RouteName> = Contract[N] extends { body: infer S extends z.ZodType }
  ? z.output<S>
  : never;
/** The query of route `N` once the BFF has parsed it. */
export type ParsedRouteQuery<N extends RouteName> = Contract[N] extends { query: infer S extends z.ZodType }
  ? z.output<S>
  : never;
/** What the BFF may answer on route `N`: one of its declared statuses with that status's body. */
export type RouteReply<N extends RouteName> = {
  [S in StatusOf<N>]: { status: S; body: SentBody<AnswersOf<N>[S]> };
}[StatusOf<N>];
/** What the browser reads from a successful call of route `N` (its JSON views, parsed). */
export type RouteView<N extends RouteName> = { [S in StatusOf<N>]: ReadBody<AnswersOf<N>[S]> }[StatusOf<N>];
