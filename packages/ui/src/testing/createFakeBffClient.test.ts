import { routes } from '@mandarin-kit/core';
import { describe, expect, it } from 'vitest';
import { createFakeBffClient, fakeIds } from './createFakeBffClient.js';

describe('the fake BFF', () => {
  it('answers by the route table: the path parameters of the route reach its answer', async () => {
    const fake = createFakeBffClient();
    await fake.client.removeCard(fakeIds.cardVisa);
    expect(fake.cards().map((card) => card.id)).not.toContain(fakeIds.cardVisa);
    expect(fake.requests.at(-1)).toMatchObject({
      method: routes.removeCard.method,
      path: `/api/cards/${fakeIds.cardVisa}`,
    });
    await expect(fake.client.removeCard(fakeIds.cardVisa)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('turns any route of the table into an error when a scenario names it', async () => {
    const fake = createFakeBffClient({
      errors: { listCards: { code: 'RATE_LIMITED', retryAfter: 3, times: 1 } },
    });
    await expect(fake.client.listCards()).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
      retryAfter: 3,
    });
    expect((await fake.client.listCards()).cards.length).toBeGreaterThan(0);
  });
});
