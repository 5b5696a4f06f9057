import type { Context } from 'koa';
import type { z } from 'zod';
import { BffError } from '../http/BffError.js';
import { readJson } from '../http/readBody.js';
import type { Role, User } from '../session/User.js';

/** The signed-in user (the session middleware has run before any /api route). */
export function userOf(ctx: Context): User {
  return ctx.state.user as User;
}

/** Refuses with 403 unless the user has `role`. */
export function requireRole(ctx: Context, role: Role): User {
  const user = userOf(ctx);
  if (!user.roles.includes(role)) throw new BffError(403, 'FORBIDDEN', `This needs the ${role} role`);
  return user;
}

/** Validates a path parameter before any lookup: a malformed id is simply not found. */
export function param<S extends z.ZodType>(ctx: Context, name: string, schema: S, what: string): z.infer<S> {
  const parsed = schema.safeParse((ctx as Context & { params: Record<string, string> }).params[name]);
  if (!parsed.success) throw new BffError(404, 'NOT_FOUND', `${what} not found`);
  return parsed.data;
}

/** Reads and validates the JSON body; a zod error becomes 400 VALIDATION_FAILED with field paths. */
export async function body<S extends z.ZodType>(ctx: Context, schema: S): Promise<z.infer<S>> {
  return schema.parse(await readJson(ctx));
}

/** Reads and validates the query string; a zod error becomes 400 VALIDATION_FAILED with the parameters' names. */
export function query<S extends z.ZodType>(ctx: Context, schema: S): z.infer<S> {
  return schema.parse(ctx.query);
}
