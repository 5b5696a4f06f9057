import type { Context } from 'koa';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_COOKIE, SessionCookie, type SessionCookieOptions } from './sessionCookie.js';

/** Just enough of a Koa context: a cookie jar (recording the options of each set) and the request's HTTPS. */
function fakeContext(
  jar: Map<string, string>,
  https = false,
  sets: Array<{ secure?: boolean }> = [],
): Context {
  return {
    state: { https },
    cookies: {
      secure: false,
      get: (name: string) => jar.get(name),
      set: (name: string, value: string | null, options: { secure?: boolean }) => {
        sets.push(options);
        if (value === null) jar.delete(name);
        else jar.set(name, value);
      },
    },
  } as unknown as Context;
}

/** Session versions in memory, as the store keeps them. */
function memoryVersions(): SessionCookieOptions['versions'] {
  const versions = new Map<string, number>();
  return {
    version: async (userId) => versions.get(userId) ?? 0,
    bump: async (userId) => {
      const next = (versions.get(userId) ?? 0) + 1;
      versions.set(userId, next);
      return next;
    },
  };
}

const secret = 'a-session-secret-of-at-least-32-chars!';
const session = (options: Partial<SessionCookieOptions> = {}) =>
  new SessionCookie(secret, { versions: memoryVersions(), ...options });

afterEach(() => {
  vi.useRealTimers();
});

describe('session cookie', () => {
  it('reads back the user it issued, again and again', async () => {
    const jar = new Map<string, string>();
    const cookie = session();
    const issued = await cookie.resolveUser(fakeContext(jar));
    expect(await cookie.read(fakeContext(jar))).toEqual(issued);
    expect(await cookie.read(fakeContext(jar))).toEqual(issued);
  });

  it('refuses a cookie whose payload was changed, even after the genuine one was read', async () => {
    const jar = new Map<string, string>();
    const cookie = session();
    await cookie.resolveUser(fakeContext(jar));
    await cookie.read(fakeContext(jar));
    const [payload, signature] = jar.get(SESSION_COOKIE)!.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), roles: ['operator'] }),
    ).toString('base64url');
    jar.set(SESSION_COOKIE, `${forged}.${signature}`);
    expect(await cookie.read(fakeContext(jar))).toBeUndefined();
  });

  it('refuses a cookie signed with another secret', async () => {
    const jar = new Map<string, string>();
    await new SessionCookie('another-secret-of-at-least-32-characters', {
      versions: memoryVersions(),
    }).resolveUser(fakeContext(jar));
    expect(await session().read(fakeContext(jar))).toBeUndefined();
  });

  it('stops accepting a cookie once it has expired, even one it has already checked', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const jar = new Map<string, string>();
    const cookie = session({ maxAgeDays: 1 });
    const user = await cookie.resolveUser(fakeContext(jar));
    expect(await cookie.read(fakeContext(jar))).toEqual(user);
    vi.setSystemTime(new Date('2026-01-02T00:00:01Z'));
    expect(await cookie.read(fakeContext(jar))).toBeUndefined();
  });

  it('stops accepting every cookie of a user once revoked, and accepts the one issued with the revocation', async () => {
    const cookie = session();
    const old = new Map<string, string>();
    const user = (await cookie.resolveUser(fakeContext(old)))!;
    const copy = new Map(old); // the same cookie in another browser (or a thief's)
    const fresh = new Map<string, string>();
    await cookie.revoke(fakeContext(fresh), user.id, ['customer', 'operator']);
    expect(await cookie.read(fakeContext(old))).toBeUndefined();
    expect(await cookie.read(fakeContext(copy))).toBeUndefined();
    expect(await cookie.read(fakeContext(fresh))).toEqual({ id: user.id, roles: ['customer', 'operator'] });
    await cookie.revoke(undefined, user.id);
    expect(await cookie.read(fakeContext(fresh))).toBeUndefined();
  });

  it('marks the cookie Secure exactly when the request came over HTTPS, unless told otherwise', async () => {
    const sets: Array<{ secure?: boolean }> = [];
    await session().resolveUser(fakeContext(new Map(), false, sets));
    await session().resolveUser(fakeContext(new Map(), true, sets));
    await session({ secure: true }).resolveUser(fakeContext(new Map(), false, sets));
    await session({ secure: false }).resolveUser(fakeContext(new Map(), true, sets));
    expect(sets.map((s) => s.secure)).toEqual([false, true, true, false]);
  });
});
