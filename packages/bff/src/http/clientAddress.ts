import { isIP } from 'node:net';
import type { Context, Middleware } from 'koa';

/**
 * Which proxies in front of the BFF are trusted to say who connected to them: a count of hops (one load
 * balancer: 1) or the proxies' own addresses. Nothing else in `X-Forwarded-For` is believed: its left part is
 * whatever the client wrote.
 */
export type TrustedProxies = number | readonly string[];

/** How the BFF learns a request's client address and protocol. */
export interface ProxyTrust {
  /** Believe `X-Forwarded-For` / `X-Forwarded-Proto` as far as `proxies` allow. */
  trustProxy: boolean;
  proxies: TrustedProxies;
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same client. */
export function normaliseIp(ip: string): string {
  const plain = ip.trim();
  return plain.toLowerCase().startsWith('::ffff:') && isIP(plain.slice(7)) === 4 ? plain.slice(7) : plain;
}

/** Checks a list of trusted proxies: each entry must be an IP address. */
export function invalidProxyAddresses(proxies: TrustedProxies): string[] {
  return typeof proxies === 'number' ? [] : proxies.filter((ip) => isIP(normaliseIp(ip)) === 0);
}

/** The hops a request went through, from the client the first proxy saw to the peer of this socket. */
function hops(ctx: Context): string[] {
  const forwarded = ctx
    .get('x-forwarded-for')
    .split(',')
    .map((hop) => normaliseIp(hop))
    .filter((hop) => hop !== '');
  return [...forwarded, normaliseIp(ctx.req.socket.remoteAddress ?? '')];
}

/** Index (in `hops`) of the right-most hop that is not a trusted proxy. */
function clientHop(chain: readonly string[], trust: ProxyTrust): number {
  if (!trust.trustProxy) return chain.length - 1;
  if (typeof trust.proxies === 'number') return Math.max(0, chain.length - 1 - trust.proxies);
  const trusted = new Set(trust.proxies.map(normaliseIp));
  let i = chain.length - 1;
  while (i > 0 && trusted.has(chain[i]!)) i--;
  return i;
}

/**
 * The client's address: the socket's peer, or, behind trusted proxies, the address the outermost trusted proxy
 * saw (the right-most untrusted `X-Forwarded-For` hop). A client can prepend anything to the header; it can't
 * change what the proxies append.
 */
export function clientAddress(ctx: Context, trust: ProxyTrust): string {
  const chain = hops(ctx);
  return chain[clientHop(chain, trust)] ?? '';
}

/**
 * Whether the client reached the BFF over HTTPS: the socket itself, or the `X-Forwarded-Proto` the nearest
 * trusted proxy wrote (its right-most value). Never `X-Forwarded-Host` or anything else a client chooses alone.
 */
export function isHttps(ctx: Context, trust: ProxyTrust): boolean {
  if ((ctx.req.socket as { encrypted?: boolean }).encrypted === true) return true;
  if (!trust.trustProxy) return false;
  if (typeof trust.proxies !== 'number') {
    const peer = normaliseIp(ctx.req.socket.remoteAddress ?? '');
    if (!trust.proxies.map(normaliseIp).includes(peer)) return false;
  } else if (trust.proxies < 1) {
    return false;
  }
  const proto = ctx.get('x-forwarded-proto').split(',').at(-1)?.trim().toLowerCase();
  return proto === 'https';
}

/**
 * Works out, once per request, the client address (`ctx.state.clientIp`) and whether it came over HTTPS
 * (`ctx.state.https`), and tells the cookie jar the same, so that a `Secure` cookie is set exactly when the
 * browser will keep it and never throws on plain HTTP.
 */
export function proxyAwareness(trust: ProxyTrust): Middleware {
  return (ctx, next) => {
    ctx.state.clientIp = clientAddress(ctx, trust);
    ctx.state.https = isHttps(ctx, trust);
    ctx.cookies.secure = ctx.state.https;
    return next();
  };
}
