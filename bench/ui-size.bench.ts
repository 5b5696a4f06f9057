import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { type BenchRow, report } from './harness.js';

// What a host pays to import one component: an esbuild bundle of just that import, minified and gzipped, with
// the peers every React app already has (react, react-dom, react-query, react-hook-form, zod) left out.
// input-otp and @stripe/react-stripe-js are measured the same way in the same run as a yardstick.
const root = fileURLToPath(new URL('..', import.meta.url));
const uiSource = fileURLToPath(new URL('../packages/ui/src/index.ts', import.meta.url));
const peers = ['react', 'react-dom', '@tanstack/react-query', 'react-hook-form', 'zod', '@stripe/stripe-js'];
const external = peers.flatMap((name) => [name, `${name}/*`]);
const KB = 1024;
// The budget (issue 18): clarity first — named parts, real headings and recovery, not the last bytes.
const COMPONENT_BUDGET = 12;
const KIT_BUDGET = 40;

async function gzipSize(code: string): Promise<number> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // As Vite and every modern bundler emit; ASCII escapes would bill each Cyrillic letter six bytes.
    charset: 'utf8',
    conditions: ['@mandarin-kit/source'],
    alias: { '@mandarin-kit/ui': uiSource },
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]!.contents;
  return gzipSync(bytes, { level: 9 }).length / KB;
}

const components = [
  'EspKycForm',
  'OtpInput',
  'BalanceWidget',
  'SbpRecipientConfirmation',
  'RoutingSplitEditor',
  'HostedCardForm',
  'BoundCards',
  'WalletOperations',
  'WalletStatus',
  'PayoutForm',
  'TopUpForm',
  'PaymentsTable',
  'RefundDialog',
  'CapturePayment',
  'SubMerchantLink',
];
const inputOtp = await gzipSize(`export { OTPInput } from 'input-otp';`);
const stripeElements = await gzipSize(`export { Elements, PaymentElement } from '@stripe/react-stripe-js';`);
const stripeAll = await gzipSize(`export * from '@stripe/react-stripe-js';`);

const rows: BenchRow[] = [];
for (const name of components) {
  const size = await gzipSize(`export { ${name} } from '@mandarin-kit/ui';`);
  rows.push({
    name,
    unit: 'kB gzip',
    value: size,
    baseline:
      name === 'OtpInput'
        ? { name: 'input-otp OTPInput', value: inputOtp }
        : { name: '@stripe/react-stripe-js Elements+PaymentElement', value: stripeElements },
    higherIsBetter: false,
    target: '≤ 12 kB',
    pass: size <= COMPONENT_BUDGET,
  });
}
const provider = await gzipSize(`export { MandarinKitProvider, createBffClient } from '@mandarin-kit/ui';`);
rows.push({
  name: 'MandarinKitProvider + createBffClient',
  unit: 'kB gzip',
  value: provider,
  baseline: { name: '@stripe/react-stripe-js Elements+PaymentElement', value: stripeElements },
  higherIsBetter: false,
});
const kit = await gzipSize(`export * from '@mandarin-kit/ui';`);
rows.push({
  name: 'whole kit (export *)',
  unit: 'kB gzip',
  value: kit,
  baseline: { name: '@stripe/react-stripe-js (export *)', value: stripeAll },
  higherIsBetter: false,
  target: '≤ 40 kB',
  pass: kit <= KIT_BUDGET,
});
const css =
  gzipSync(readFileSync(fileURLToPath(new URL('../packages/ui/src/styles.css', import.meta.url)))).length /
  KB;
rows.push({
  name: 'styles.css',
  unit: 'kB gzip',
  value: css,
  baseline: { name: 'input-otp (export *)', value: await gzipSize(`export * from 'input-otp';`) },
  higherIsBetter: false,
});

report('ui-size', rows);
