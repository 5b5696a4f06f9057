import type { Router, RouterMiddleware } from '@koa/router';
import { safeEqual } from '@mandarin-kit/core';
import { readForm } from '../http/readBody.js';
import { ALL_SCOPES } from './scopes.js';
import type { TokenStore } from './TokenStore.js';

/** What the token endpoint reads: the client it accepts, the token store, and two counters it bumps. */
export interface OAuthDeps {
  options: {
    clientId: string;
    clientSecret: string;
    allowedScopes: string[] | undefined;
    tokenTtlSeconds: number;
  };
  tokens: TokenStore;
  stats: { tokenRequests: number; tokensIssued: number };
}

/**
 * `POST /oauth/token/`: client_credentials only. Granted scopes are the requested ones the client may
 * have; a request without `scope` gets every scope the client may have (documented assumption).
 */
export function registerOAuthRoutes(router: Router, emulator: OAuthDeps): void {
  const handler: RouterMiddleware = async (ctx) => {
    emulator.stats.tokenRequests += 1;
    const form = await readForm(ctx);
    const { options } = emulator;
    if (form.grant_type !== 'client_credentials') {
      ctx.status = 400;
      ctx.body = {
        error: 'unsupported_grant_type',
        error_description: 'Only client_credentials is supported',
      };
      return;
    }
    const idOk = safeEqual(form.client_id ?? '', options.clientId);
    const secretOk = safeEqual(form.client_secret ?? '', options.clientSecret);
    if (!idOk || !secretOk) {
      ctx.status = 401;
      ctx.body = { error: 'invalid_client', error_description: 'Unknown client_id or wrong client_secret' };
      return;
    }
    const allowed = options.allowedScopes ?? [...ALL_SCOPES];
    const requested = (form.scope ?? '').split(' ').filter((s) => s !== '');
    const granted = requested.length === 0 ? allowed : allowed.filter((s) => requested.includes(s));
    const token = emulator.tokens.issue(granted, options.tokenTtlSeconds);
    emulator.stats.tokensIssued += 1;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      access_token: token.token,
      expires_in: options.tokenTtlSeconds,
      token_type: 'Bearer',
      scope: granted.join(' '),
    };
  };
  // Both spellings: clients differ on the trailing slash and a redirect would drop the POST body.
  router.post('/oauth/token/', handler);
  router.post('/oauth/token', handler);
}
