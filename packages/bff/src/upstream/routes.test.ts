import { describe, expect, it } from 'vitest';
import { fillPath, upstreamRoutes } from './routes.js';
import { parseOrigin } from './transport.js';

describe('upstream paths', () => {
  it('fills every placeholder of a template, and the same template again with other ids', () => {
    const path = upstreamRoutes.espBalance.path;
    expect(fillPath(path, { id: 'a1' })).toBe('/api/v1/tokens/a1/wallet/balance');
    expect(fillPath(path, { id: 'b2' })).toBe('/api/v1/tokens/b2/wallet/balance');
    expect(fillPath('/x/{a}/y/{b}', { a: '1', b: '2' })).toBe('/x/1/y/2');
    expect(fillPath('/plain')).toBe('/plain');
  });

  it('encodes an id so that a crafted one cannot climb out of its path or add a query', () => {
    expect(fillPath('/tokens/{id}/status', { id: '../admin?x=1#' })).toBe(
      '/tokens/..%2Fadmin%3Fx%3D1%23/status',
    );
  });

  it('refuses to send a request with a placeholder left empty', () => {
    expect(() => fillPath('/tokens/{id}/status', {})).toThrow(/Missing path parameter id/);
  });

  it('parses base URLs once into what node:http needs, IPv6 literals included', () => {
    expect(parseOrigin('http://127.0.0.1:4010')).toEqual({
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: '4010',
    });
    expect(parseOrigin('https://api.mandarin.io')).toEqual({
      protocol: 'https:',
      hostname: 'api.mandarin.io',
      port: '',
    });
    expect(parseOrigin('http://[::1]:8080/')).toEqual({ protocol: 'http:', hostname: '::1', port: '8080' });
    expect(() => parseOrigin('ftp://example.com')).toThrow(/Unsupported upstream protocol/);
  });
});
