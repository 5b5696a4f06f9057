import type { Context } from 'koa';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_COOKIE, SessionCookie } from './sessionCookie.js';

/** Just enough of a Koa context: a cookie jar and a hostname. */
function fakeContext(jar: Map<string, string>): Context {
  return {
    hostname: '127.0.0.1',
    cookies: {
      get: (name: string) => jar.get(name),
      set: (name: string, value: string | null) => {
        if (value === null) jar.delete(name);
        else jar.set(name, value);
      },
    },
  } as unknown as Context;
}

const secret = 'a-session-secret-of-at-least-32-chars!';

afterEach(() => {
  vi.useRealTimers();
});

describe('session cookie', () => {
  it('reads back the user it issued, again and again', () => {
    const jar = new Map<string, string>();
    const session = new SessionCookie(secret);
    const issued = session.resolveUser(fakeContext(jar));
    expect(session.read(fakeContext(jar))).toEqual(issued);
    expect(session.read(fakeContext(jar))).toEqual(issued);
  });

  it('refuses a cookie whose payload was changed, even after the genuine one was read', () => {
    const jar = new Map<string, string>();
    const session = new SessionCookie(secret);
    session.resolveUser(fakeContext(jar));
    session.read(fakeContext(jar));
    const [payload, signature] = jar.get(SESSION_COOKIE)!.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), roles: ['operator'] }),
    ).toString('base64url');
    jar.set(SESSION_COOKIE, `${forged}.${signature}`);
    expect(session.read(fakeContext(jar))).toBeUndefined();
  });

  it('refuses a cookie signed with another secret', () => {
    const jar = new Map<string, string>();
    new SessionCookie('another-secret-of-at-least-32-characters').resolveUser(fakeContext(jar));
    expect(new SessionCookie(secret).read(fakeContext(jar))).toBeUndefined();
  });

  it('stops accepting a cookie once it has expired, even one it has already checked', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const jar = new Map<string, string>();
    const session = new SessionCookie(secret, 1);
    const user = session.resolveUser(fakeContext(jar));
    expect(session.read(fakeContext(jar))).toEqual(user);
    vi.setSystemTime(new Date('2026-01-02T00:00:01Z'));
    expect(session.read(fakeContext(jar))).toBeUndefined();
  });
});
