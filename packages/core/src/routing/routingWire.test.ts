import { describe, expect, it } from 'vitest';
import { fromRoutingWire, toRoutingDestination, toRoutingSource } from './routingWire.js';

const shares = [
  { accountId: '16f90c5e-6bc3-11eb-9439-0242ac130002', amount: 400000n, platformFee: 5000n },
  {
    accountId: '8ba85f01-8cc8-4161-b45d-ce6442e678ae',
    amount: 100000n,
    platformFee: 5000n,
    description: 'Books',
  },
];

describe('routing wire objects', () => {
  it("produce the seed's destination shape", () => {
    expect(toRoutingDestination(shares)).toEqual({
      destination: [
        {
          accountId: '16f90c5e-6bc3-11eb-9439-0242ac130002',
          amount: { value: '4000.00', currency: 'RUB' },
          platformFeeAmount: { value: '50.00', currency: 'RUB' },
          description: '',
        },
        {
          accountId: '8ba85f01-8cc8-4161-b45d-ce6442e678ae',
          amount: { value: '1000.00', currency: 'RUB' },
          platformFeeAmount: { value: '50.00', currency: 'RUB' },
          description: 'Books',
        },
      ],
    });
  });

  it('put reversals under source and read back exactly', () => {
    const wire = toRoutingSource(shares);
    expect(Object.keys(wire)).toEqual(['source']);
    expect(fromRoutingWire(wire.source)).toEqual(shares);
  });
});
