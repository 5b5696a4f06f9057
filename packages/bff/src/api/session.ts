import { randomUUID } from 'node:crypto';
import Router from '@koa/router';
import { BffError } from '../http/BffError.js';
import type { SessionCookie } from '../session/sessionCookie.js';
import { userOf } from './context.js';
import { ok, route } from './route.js';

/**
 * `/api/me` and, for the default cookie session, the demo's operator sign-in and sign-out (a host that signs
 * users in itself answers those two 404, as it does an operator sign-in that is not enabled).
 */
export function sessionRoutes(
  session: SessionCookie | undefined,
  demoOperatorLogin: boolean,
  sessionChanged: (userId: string) => Promise<void>,
): Router {
  const router = new Router();
  route(router, 'me', (ctx) => {
    const user = userOf(ctx);
    return ok({ id: user.id, roles: [...user.roles] });
  });

  // Off unless the merchant turns it on: anyone who can reach it becomes an operator.
  route(router, 'signInAsOperator', async (ctx) => {
    if (session === undefined || !demoOperatorLogin) {
      throw new BffError(404, 'NOT_FOUND', 'Operator sign-in is not enabled');
    }
    // The customer cookie ends (on every instance) and this answer carries its operator successor.
    const user = (await session.revoke(ctx, userOf(ctx).id, ['customer', 'operator']))!;
    // Streams opened as a customer reconnect with the new cookie and so as an operator.
    await sessionChanged(user.id);
    return ok({ id: user.id, roles: [...user.roles] });
  });

  route(router, 'signOut', async (ctx) => {
    if (session === undefined) throw new BffError(404, 'NOT_FOUND', 'Sign-out is the host’s own');
    const previous = userOf(ctx).id;
    // Every cookie of the signed-out user stops working, here and on every other instance.
    await session.revoke(ctx, previous);
    const user = session.issue(ctx, { id: randomUUID(), roles: ['customer'] }, 0);
    // The signed-out user's streams reconnect as the new anonymous user, who sees none of their events.
    await sessionChanged(previous);
    return ok({ id: user.id, roles: [...user.roles] });
  });
  return router;
}
