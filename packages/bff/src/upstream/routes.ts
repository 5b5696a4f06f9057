/**
 * Every Mandarin path the BFF calls, in one table (SPEC.md: the seed spells some of them two ways, so a
 * correction must be one line here). `host` picks the base URL; `scope` is what the OAuth token must carry.
 */
export const upstreamRoutes = {
  oauthToken: { host: 'oauth', method: 'POST', path: '/oauth/token/', auth: 'none' },
  espGenerate: {
    host: 'esp',
    method: 'POST',
    path: '/api/v1/tokens/generate',
    auth: 'bearer',
    scope: 'payment-tokens:tokens.write',
  },
  espStatus: {
    host: 'esp',
    method: 'GET',
    path: '/payment-tokens/api/v1/tokens/{id}/status',
    auth: 'bearer',
    scope: 'payment-tokens:tokens.read',
  },
  espBalance: {
    host: 'esp',
    method: 'GET',
    path: '/api/v1/tokens/{id}/wallet/balance',
    auth: 'bearer',
    scope: 'payment-tokens:tokens.read',
  },
  otpSend: {
    host: 'esp',
    method: 'POST',
    path: '/payment-tokens/api/v1/otp/{id}/send',
    auth: 'bearer',
    scope: 'payment-tokens:otp.write',
  },
  otpVerify: {
    host: 'esp',
    method: 'POST',
    path: '/payment-tokens/api/v1/otp/{id}/verify',
    auth: 'bearer',
    scope: 'payment-tokens:otp.write',
  },
  transactionCreate: {
    host: 'classic',
    method: 'POST',
    path: '/api/transactions',
    auth: 'bearer',
    scope: 'transactions.write',
  },
  routedTransactionCreate: {
    host: 'routing',
    method: 'POST',
    path: '/secure/transactions',
    auth: 'bearer',
    scope: 'transactions.write',
  },
  /** Status lookup by transaction id (*assumption*: the emulator's; Mandarin documents callbacks only). */
  transactionStatus: {
    host: 'classic',
    method: 'GET',
    path: '/api/transactions/{id}',
    auth: 'bearer',
    scope: 'transactions.read',
  },
  /** Status lookup by orderId, for a request whose answer (and so its id) was lost (*assumption*, as above). */
  transactionByOrder: {
    host: 'classic',
    method: 'GET',
    path: '/api/transactions',
    auth: 'bearer',
    scope: 'transactions.read',
  },
  /** Card binding status (*assumption*: the emulator's; the result is documented as a callback only). */
  cardBindingStatus: { host: 'classic', method: 'GET', path: '/api/card-bindings/{id}', auth: 'xauth' },
  sbpBanks: { host: 'classic', method: 'GET', path: '/api/sbp/banks/', auth: 'xauth' },
  sbpRecipient: { host: 'classic', method: 'POST', path: '/api/sbp/{id}/status', auth: 'xauth' },
  sbpConfirm: { host: 'classic', method: 'POST', path: '/api/sbp/{id}/confirm', auth: 'xauth' },
  sbpReject: { host: 'classic', method: 'POST', path: '/api/sbp/{id}/reject', auth: 'xauth' },
  businessAccountCreate: {
    host: 'accounts',
    method: 'POST',
    path: '/api/v1/accounts/business',
    auth: 'xauth',
  },
  cardBindingCreate: { host: 'classic', method: 'POST', path: '/api/card-bindings', auth: 'xauth' },
} as const satisfies Record<string, UpstreamRoute>;

/** Which upstream host a route lives on; each maps to an overridable base URL. */
export type UpstreamHost = 'oauth' | 'esp' | 'classic' | 'routing' | 'accounts';

/** One upstream call site. */
export interface UpstreamRoute {
  host: UpstreamHost;
  method: 'GET' | 'POST';
  path: string;
  auth: 'none' | 'bearer' | 'xauth';
  scope?: string;
}

/** The name of an upstream route. */
export type UpstreamRouteName = keyof typeof upstreamRoutes;

/** Base URLs per environment (SPEC.md host table); the emulator answers every path under one origin. */
export function defaultBaseUrls(env: 'sandbox' | 'production'): Record<UpstreamHost, string> {
  return {
    oauth: 'https://accounts.mandarinbank.com',
    esp:
      env === 'sandbox' ? 'https://sandbox-payment-tokens.mandarin.io' : 'https://payment-tokens.mandarin.io',
    classic: 'https://secure.mandarinpay.com',
    routing: 'https://api.mandarin.io',
    accounts: 'https://secure.mandarinpay.com',
  };
}

/** Every scope some route needs: the token is requested with all of them, once. */
export const allScopes: readonly string[] = [
  ...new Set(
    Object.values(upstreamRoutes as Record<string, UpstreamRoute>)
      .map((r) => r.scope)
      .filter((s): s is string => s !== undefined),
  ),
];

/** Path templates split once into literal and placeholder parts: `['/a/', 'id', '/b']`. */
const compiledPaths = new Map<string, string[]>();

/** Fills `{id}` placeholders; ids are URL-encoded so a crafted id can't change the path. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  let parts = compiledPaths.get(path);
  if (parts === undefined) {
    parts = path.split(/\{(\w+)\}/);
    compiledPaths.set(path, parts);
  }
  let filled = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = params[parts[i]!];
    if (value === undefined) throw new Error(`Missing path parameter ${parts[i]}`);
    filled += encodeURIComponent(value) + parts[i + 1]!;
  }
  return filled;
}
