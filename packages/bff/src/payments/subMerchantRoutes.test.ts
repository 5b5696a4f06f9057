import { subMerchantListViewSchema, subMerchantViewSchema } from '@mandarin-kit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../testkit/HttpClient.js';
import { stackSuite } from '../testkit/suites.js';

const stack = stackSuite();
let operator: HttpClient;

const operatorBrowser = async () => {
  const browser = stack.client();
  expect((await browser.post('/api/session/operator')).status).toBe(200);
  return browser;
};
const patch = (browser: HttpClient, id: string, body: unknown) =>
  browser.request('PATCH', `/api/sub-merchants/${id}`, body);

beforeAll(async () => {
  operator = await operatorBrowser();
});

describe('sub-merchant labels', () => {
  it('links with a label, lists it with a short id, renames and clears it', async () => {
    const linked = await operator.post('/api/sub-merchants', {
      token: 'eyJhbGciOiJIUzI1NiJ9.eyJtIjoxfQ.sub-merchant-one',
      label: '  Цветочная лавка  ',
    });
    expect(linked.status).toBe(201);
    const view = subMerchantViewSchema.parse(linked.body);
    expect(view).toMatchObject({ label: 'Цветочная лавка', shortId: view.id.slice(0, 8) });
    expect(view.shortId).toHaveLength(8);

    const unnamed = await operator.post('/api/sub-merchants', {
      token: 'eyJhbGciOiJIUzI1NiJ9.eyJtIjoyfQ.sub-merchant-two',
    });
    expect(unnamed.body.label).toBeNull();

    const renamed = await patch(operator, view.id, { label: 'Flowers & Co' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: view.id, label: 'Flowers & Co', shortId: view.shortId });
    const list = subMerchantListViewSchema.parse((await operator.get('/api/sub-merchants')).body);
    expect(list.subMerchants.map((s) => [s.id, s.label])).toEqual(
      expect.arrayContaining([
        [view.id, 'Flowers & Co'],
        [unnamed.body.id, null],
      ]),
    );
    expect((await patch(operator, view.id, { label: null })).body.label).toBeNull();
  });

  it('refuses a label that is empty, too long or not text, and a rename without X-CSRF', async () => {
    const { id } = (await operator.get('/api/sub-merchants')).body.subMerchants[0];
    for (const label of ['', '   ', 'x'.repeat(81), 42]) {
      const reply = await patch(operator, id, { label });
      expect(reply.status).toBe(400);
      expect(reply.body.error.fields).toHaveProperty('label');
    }
    const linking = await operator.post('/api/sub-merchants', {
      token: 'eyJhbGciOiJIUzI1NiJ9.eyJtIjozfQ.sub-merchant-three',
      label: 'y'.repeat(81),
    });
    expect(linking.status).toBe(400);
    const noCsrf = await fetch(`${stack.bffUrl}/api/sub-merchants/${id}`, {
      method: 'PATCH',
      headers: { cookie: operator.cookieHeader, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Sneaky' }),
    });
    expect(noCsrf.status).toBe(403);
  });

  it("renames only the operator's own sub-merchants: 404 for another operator's or an unknown id, 403 for customers", async () => {
    const { id, label } = (await operator.get('/api/sub-merchants')).body.subMerchants[0];
    const other = await operatorBrowser();
    expect((await patch(other, id, { label: 'Mine now' })).status).toBe(404);
    expect((await patch(operator, '00000000-0000-4000-8000-000000000000', { label: 'x' })).status).toBe(404);
    expect((await patch(operator, 'not-an-id', { label: 'x' })).status).toBe(404);
    expect((await patch(stack.client(), id, { label: 'x' })).status).toBe(403);
    const after = (await operator.get('/api/sub-merchants')).body.subMerchants[0];
    expect(after.label).toBe(label);
  });
});
