import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import type { SessionTable } from '../store/sessions.js';
import type { ResolveUser, Role, User } from './User.js';

/** The default session cookie's name. */
export const SESSION_COOKIE = 'mk_session';

/** Cookies whose signature was already checked, so that a busy session skips the HMAC; oldest evicted first. */
const VERIFIED_CACHE_SIZE = 10_000;

/**
 * When the cookie is marked `Secure`: `'auto'` when the request came over HTTPS (the socket, or the
 * `X-Forwarded-Proto` of a trusted proxy); `true` always (TLS ends at a proxy that doesn't say so); `false`
 * never (plain-HTTP development only).
 */
export type SecureCookies = 'auto' | boolean;

/** Settings of the default session. */
export interface SessionCookieOptions {
  /** Versions that sign-out bumps; a cookie from before the bump is no longer a session. */
  versions: Pick<SessionTable, 'version' | 'bump'>;
  maxAgeDays?: number;
  secure?: SecureCookies;
  /** Runs before a new anonymous session is issued (the per-address limit on new sessions). */
  beforeNew?: (ctx: Context) => Promise<void>;
}

interface Claims {
  user: User;
  exp: number;
  version: number;
}

/** Signs and reads the anonymous session cookie: `base64url(json).base64url(hmac-sha256)`. */
export class SessionCookie {
  private readonly verified = new Map<string, Claims>();
  private readonly maxAgeDays: number;

  constructor(
    private readonly secret: string,
    private readonly options: SessionCookieOptions,
  ) {
    this.maxAgeDays = options.maxAgeDays ?? 30;
  }

  /** The default `resolveUser`: the signed cookie's user, or a new anonymous customer. */
  readonly resolveUser: ResolveUser = async (ctx) => {
    const user = await this.read(ctx);
    if (user !== undefined) return user;
    await this.options.beforeNew?.(ctx);
    return this.issue(ctx, { id: randomUUID(), roles: ['customer'] }, 0);
  };

  /** The user in a valid cookie, if any; a tampered, expired or signed-out cookie counts as none. */
  async read(ctx: Context): Promise<User | undefined> {
    const claims = this.verify(ctx.cookies.get(SESSION_COOKIE));
    if (claims === undefined) return undefined;
    // Checked on every request, against the shared store: a sign-out on any instance ends the cookie at once.
    const current = await this.options.versions.version(claims.user.id);
    return claims.version === current ? claims.user : undefined;
  }

  /** Sets the cookie for `user` at session version `version` and returns the user. */
  issue(ctx: Context, user: User, version: number): User {
    const exp = Date.now() + this.maxAgeDays * 86_400_000;
    const payload = Buffer.from(JSON.stringify({ id: user.id, roles: user.roles, exp, v: version })).toString(
      'base64url',
    );
    const secure =
      this.options.secure === undefined || this.options.secure === 'auto'
        ? ctx.state.https === true
        : this.options.secure;
    // The jar refuses a Secure cookie on what it takes for plain HTTP; the decision above is the one that counts.
    ctx.cookies.secure = secure;
    ctx.cookies.set(SESSION_COOKIE, `${payload}.${this.sign(payload)}`, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: this.maxAgeDays * 86_400_000,
      overwrite: true,
    });
    return user;
  }

  /**
   * Ends every cookie `userId` holds, on every instance, and issues this request a new one at the new version
   * with `roles` (or none when `roles` is undefined).
   */
  async revoke(ctx: Context | undefined, userId: string, roles?: readonly Role[]): Promise<User | undefined> {
    const version = await this.options.versions.bump(userId);
    for (const [raw, claims] of this.verified) if (claims.user.id === userId) this.verified.delete(raw);
    if (ctx === undefined || roles === undefined) return undefined;
    return this.issue(ctx, { id: userId, roles }, version);
  }

  /** The claims of a cookie whose signature and expiry hold. */
  private verify(raw: string | undefined): Claims | undefined {
    if (raw === undefined) return undefined;
    const known = this.verified.get(raw);
    if (known !== undefined) {
      if (known.exp >= Date.now()) return known;
      this.verified.delete(raw);
      return undefined;
    }
    const [payload, signature] = raw.split('.');
    if (!payload || !signature) return undefined;
    const expected = Buffer.from(this.sign(payload), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        id: string;
        roles: Role[];
        exp: number;
        v?: number;
      };
      if (
        typeof data.id !== 'string' ||
        !Array.isArray(data.roles) ||
        typeof data.exp !== 'number' ||
        data.exp < Date.now() ||
        (data.v !== undefined && !Number.isSafeInteger(data.v))
      ) {
        return undefined;
      }
      const claims: Claims = {
        user: { id: data.id, roles: data.roles },
        exp: data.exp,
        version: data.v ?? 0,
      };
      if (this.verified.size >= VERIFIED_CACHE_SIZE) {
        this.verified.delete(this.verified.keys().next().value!);
      }
      this.verified.set(raw, claims);
      return claims;
    } catch {
      return undefined;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
