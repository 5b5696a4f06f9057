import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import type { ResolveUser, Role, User } from './User.js';

/** The default session cookie's name. */
export const SESSION_COOKIE = 'mk_session';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Cookies whose signature was already checked, so that a busy session skips the HMAC; oldest evicted first. */
const VERIFIED_CACHE_SIZE = 10_000;

/** Signs and reads the anonymous session cookie: `base64url(json).base64url(hmac-sha256)`. */
export class SessionCookie {
  private readonly verified = new Map<string, { user: User; exp: number }>();

  constructor(
    private readonly secret: string,
    private readonly maxAgeDays = 30,
  ) {}

  /** The default `resolveUser`: the signed cookie's user, or a new anonymous customer. */
  readonly resolveUser: ResolveUser = (ctx) =>
    this.read(ctx) ?? this.issue(ctx, { id: randomUUID(), roles: ['customer'] });

  /** The user in a valid cookie, if any; a tampered or expired cookie counts as none. */
  read(ctx: Context): User | undefined {
    const raw = ctx.cookies.get(SESSION_COOKIE);
    if (raw === undefined) return undefined;
    const known = this.verified.get(raw);
    if (known !== undefined) {
      if (known.exp >= Date.now()) return known.user;
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
      };
      if (
        typeof data.id !== 'string' ||
        !Array.isArray(data.roles) ||
        typeof data.exp !== 'number' ||
        data.exp < Date.now()
      ) {
        return undefined;
      }
      const user: User = { id: data.id, roles: data.roles };
      if (this.verified.size >= VERIFIED_CACHE_SIZE) {
        this.verified.delete(this.verified.keys().next().value!);
      }
      this.verified.set(raw, { user, exp: data.exp });
      return user;
    } catch {
      return undefined;
    }
  }

  /** Sets the cookie for `user` and returns it. */
  issue(ctx: Context, user: User): User {
    const exp = Date.now() + this.maxAgeDays * 86_400_000;
    const payload = Buffer.from(JSON.stringify({ id: user.id, roles: user.roles, exp })).toString(
      'base64url',
    );
    ctx.cookies.set(SESSION_COOKIE, `${payload}.${this.sign(payload)}`, {
      httpOnly: true,
      sameSite: 'lax',
      secure: !LOOPBACK.has(ctx.hostname),
      path: '/',
      maxAge: this.maxAgeDays * 86_400_000,
      overwrite: true,
    });
    return user;
  }

  /** Forgets the session: the next request starts a new anonymous one. */
  clear(ctx: Context): void {
    ctx.cookies.set(SESSION_COOKIE, null, { path: '/', overwrite: true });
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
