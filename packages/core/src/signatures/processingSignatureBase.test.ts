import { describe, expect, it } from 'vitest';
import { processingSignatureBase, relativeUrl } from './processingSignatureBase.js';

const body = '{"type":"payin","id":"42","status":"done"}';

describe('processingSignatureBase', () => {
  it('concatenates timestamp, recvWindow, method, relative URL and body', () => {
    expect(
      processingSignatureBase({
        timestamp: '1719924630000',
        recvWindow: '5000',
        method: 'post',
        url: '/callbacks/processing?x=1',
        body,
      }),
    ).toBe(`17199246300005000POST/callbacks/processing?x=1${body}`);
  });

  it('leaves recvWindow out when the header was not sent', () => {
    expect(processingSignatureBase({ timestamp: 1719924630000, method: 'POST', url: '/cb', body: '' })).toBe(
      '1719924630000POST/cb',
    );
    expect(processingSignatureBase({ timestamp: 1, recvWindow: 0, method: 'GET', url: '/', body: '' })).toBe(
      '10GET/',
    );
  });

  it('keeps the raw body byte for byte', () => {
    const raw = '{ "id" : "1" }\n';
    expect(
      processingSignatureBase({ timestamp: '1', method: 'POST', url: '/cb', body: raw }).endsWith(raw),
    ).toBe(true);
  });
});

describe('relativeUrl', () => {
  it('drops the origin and the fragment, keeps path and query', () => {
    expect(relativeUrl('https://merchant.example:8443/callbacks/processing?a=1&b=2#frag')).toBe(
      '/callbacks/processing?a=1&b=2',
    );
    expect(relativeUrl('https://merchant.example')).toBe('/');
    expect(relativeUrl('https://merchant.example?a=1')).toBe('/?a=1');
    expect(relativeUrl('/p?q=https://x.example/')).toBe('/p?q=https://x.example/');
  });
});
