import type { Context } from 'koa';

/** The origin the caller reached this emulator by (`http://127.0.0.1:4010`). */
export function requestOrigin(ctx: Context): string {
  return `${ctx.protocol}://${ctx.get('host')}`;
}

/**
 * Origin of links the emulator hands out (`userWebLink`): `publicUrl` when set (a proxy or container in
 * front of the emulator), otherwise the origin of the request, so links work however the caller got here.
 */
export function publicOrigin(publicUrl: string | undefined, ctx: Context): string {
  return publicUrl ?? requestOrigin(ctx);
}
