import type { Middleware } from 'koa';
import { HttpError } from '../http/HttpError.js';
import type { TokenStore } from '../oauth/TokenStore.js';
import { verifyXAuth } from './xAuth.js';

/** What the guard checks credentials against (the options are read per request: they may change). */
export interface AuthDeps {
  options: { merchantId: string; secret: string };
  tokens: TokenStore;
}

/** Which credentials a route accepts. */
export type AuthMode = 'bearer' | 'bearer-or-xauth';

/**
 * Guards an upstream route. Bearer routes need a live token with `scope`; classic-API routes also accept
 * `X-Auth`. A `Mid` header, when sent, must name the configured merchant (the seed omits it on some
 * calls, so it is not required). Runs before the body is read, so a refused request creates nothing.
 */
export function requireAuth(emulator: AuthDeps, scope: string, mode: AuthMode): Middleware {
  return async (ctx, next) => {
    const { options } = emulator;
    const xAuth = ctx.get('x-auth');
    if (mode === 'bearer-or-xauth' && xAuth !== '' && ctx.get('authorization') === '') {
      if (!verifyXAuth(xAuth, options.merchantId, options.secret)) {
        throw new HttpError(401, 'Invalid X-Auth header');
      }
      ctx.state.auth = 'x-auth';
      return next();
    }
    const authorization = ctx.get('authorization');
    if (authorization === '') {
      const expected = mode === 'bearer' ? 'Authorization: Bearer' : 'X-Auth or Authorization: Bearer';
      throw new HttpError(401, `Missing credentials: send ${expected}`);
    }
    const check = emulator.tokens.check(authorization, scope);
    if (!check.ok) {
      ctx.set('WWW-Authenticate', `Bearer error="${check.error}", error_description="${check.description}"`);
      throw new HttpError(check.status, check.description, { error_code: check.error });
    }
    const mid = ctx.get('mid');
    if (mid !== '' && mid !== options.merchantId) throw new HttpError(403, `Unknown merchant ${mid}`);
    ctx.state.auth = 'bearer';
    return next();
  };
}
