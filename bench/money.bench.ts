import { allocate, formatAmount, formatMoney, parseAmount } from '@mandarin-kit/core';
import { opsPerSecond, report } from './harness.js';

// Money math sits on every request path; it must stay in the same league as the float code it replaces.
const wires = Array.from(
  { length: 256 },
  (_, i) => `${(i * 7919) % 100000}.${String(i % 100).padStart(2, '0')}`,
);
let i = 0;

const exactParse = opsPerSecond(() => {
  formatAmount(parseAmount(wires[i++ & 255]!));
});
const floatParse = opsPerSecond(() => {
  (Math.round(Number.parseFloat(wires[i++ & 255]!) * 100) / 100).toFixed(2);
});
const display = opsPerSecond(() => {
  formatMoney(BigInt(i++ & 0xffff) * 1001n);
});
const nf = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' });
const displayFloat = opsPerSecond(() => {
  nf.format(((i++ & 0xffff) * 1001) / 100);
});
const weights = [400000n, 100000n, 33333n, 1n, 7n];
const split = opsPerSecond(() => {
  allocate(BigInt(i++ & 0xffff) + 499999n, weights);
});
const splitFloat = opsPerSecond(() => {
  const total = (i++ & 0xffff) + 499999;
  const sum = 533341;
  [400000, 100000, 33333, 1, 7].map((w) => Math.floor((total * w) / sum));
});

report('money', [
  {
    name: 'parseAmount+formatAmount',
    unit: 'ops/s',
    value: exactParse,
    baseline: { name: 'parseFloat+toFixed', value: floatParse },
    higherIsBetter: true,
  },
  {
    name: 'formatMoney (bigint, exact)',
    unit: 'ops/s',
    value: display,
    baseline: { name: 'Intl.format(number)', value: displayFloat },
    higherIsBetter: true,
  },
  {
    name: 'allocate (5 weights)',
    unit: 'ops/s',
    value: split,
    baseline: { name: 'float floor split', value: splitFloat },
    higherIsBetter: true,
  },
]);
