import type { Middleware } from 'koa';

/** Headers every BFF answer carries: nothing it returns is meant to be framed, sniffed or cached. */
const HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cache-Control', 'no-store'],
];

/** Sets them before the rest runs (a plain function: no await level of its own). */
export function securityHeaders(): Middleware {
  return (ctx, next) => {
    const { res } = ctx;
    for (const [name, value] of HEADERS) res.setHeader(name, value);
    if (ctx.state.https === true)
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    return next();
  };
}
