import type { Context } from 'koa';
import { BffError } from '../http/BffError.js';
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
