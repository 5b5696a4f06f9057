import type { Context } from 'koa';
import { describe, expect, it } from 'vitest';
import { clientAddress, isHttps, type ProxyTrust } from './clientAddress.js';

/** A request from `peer` carrying `headers`. */
function request(peer: string, headers: Record<string, string> = {}, encrypted = false): Context {
  return {
    get: (name: string) => headers[name.toLowerCase()] ?? '',
    req: { socket: { remoteAddress: peer, encrypted } },
  } as unknown as Context;
}

const off: ProxyTrust = { trustProxy: false, proxies: 1 };
const oneHop: ProxyTrust = { trustProxy: true, proxies: 1 };

describe('client address', () => {
  it('is the socket peer unless proxies are trusted', () => {
    expect(clientAddress(request('::ffff:10.0.0.9', { 'x-forwarded-for': '1.2.3.4' }), off)).toBe('10.0.0.9');
  });

  it('is the hop the trusted proxy appended, whatever the client wrote before it', () => {
    const spoofed = request('127.0.0.1', { 'x-forwarded-for': '127.0.0.1, 127.0.0.2' });
    expect(clientAddress(spoofed, oneHop)).toBe('127.0.0.2');
    expect(clientAddress(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }), oneHop)).toBe(
      '203.0.113.7',
    );
    const twoHops = request('10.0.0.1', { 'x-forwarded-for': 'forged, 198.51.100.4, 10.0.0.2' });
    expect(clientAddress(twoHops, { trustProxy: true, proxies: 2 })).toBe('198.51.100.4');
  });

  it('skips exactly the listed proxies, from the right', () => {
    const trust: ProxyTrust = { trustProxy: true, proxies: ['10.0.0.1', '10.0.0.2'] };
    const via = request('10.0.0.1', { 'x-forwarded-for': '1.1.1.1, 198.51.100.4, 10.0.0.2' });
    expect(clientAddress(via, trust)).toBe('198.51.100.4');
    // A peer that is not a listed proxy is the client, whatever it forwards.
    expect(clientAddress(request('192.0.2.1', { 'x-forwarded-for': '1.1.1.1' }), trust)).toBe('192.0.2.1');
  });

  it('falls back to the left-most hop when every hop is trusted or the header is missing', () => {
    expect(clientAddress(request('127.0.0.1'), oneHop)).toBe('127.0.0.1');
    expect(
      clientAddress(request('127.0.0.1', { 'x-forwarded-for': '5.6.7.8' }), { ...oneHop, proxies: 3 }),
    ).toBe('5.6.7.8');
  });
});

describe('HTTPS', () => {
  it('believes X-Forwarded-Proto only from a trusted proxy, and only its right-most value', () => {
    expect(isHttps(request('127.0.0.1', { 'x-forwarded-proto': 'https' }), off)).toBe(false);
    expect(isHttps(request('127.0.0.1', { 'x-forwarded-proto': 'https' }), oneHop)).toBe(true);
    expect(isHttps(request('127.0.0.1', { 'x-forwarded-proto': 'https, http' }), oneHop)).toBe(false);
    const listed: ProxyTrust = { trustProxy: true, proxies: ['10.0.0.1'] };
    expect(isHttps(request('10.0.0.9', { 'x-forwarded-proto': 'https' }), listed)).toBe(false);
    expect(isHttps(request('10.0.0.1', { 'x-forwarded-proto': 'https' }), listed)).toBe(true);
  });

  it('is true on a TLS socket and ignores X-Forwarded-Host', () => {
    expect(isHttps(request('192.0.2.1', {}, true), off)).toBe(true);
    expect(
      isHttps(
        request('127.0.0.1', { 'x-forwarded-host': 'localhost', 'x-forwarded-proto': 'https' }),
        oneHop,
      ),
    ).toBe(true);
  });
});
