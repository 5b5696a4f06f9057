import { parseArgs } from 'node:util';
import type { EmulatorOptions } from './options.js';

/** What the CLI was asked to do. */
export interface CliConfig {
  port: number;
  quiet: boolean;
  help: boolean;
  options: EmulatorOptions;
}

/** Usage text of `mandarin-kit-emulator`. */
export const USAGE = `Usage: mandarin-kit-emulator [options]

  --port <n>              port on 127.0.0.1 (default 4010; 0 = any free port)
  --time-scale <x>        multiply every delay and retry interval (default 1; 0.01 = 100× faster)
  --callback-url <url>    default URL for transaction callbacks
  --webhook-url <url>     URL for ESP status webhooks
  --public-url <url>      origin used in userWebLink (default: the origin requests arrive on)
  --client-id <id>        accepted OAuth client_id
  --client-secret <s>     accepted OAuth client_secret
  --merchant-id <id>      merchant id (Mid, X-Auth)
  --secret <s>            merchant secret (X-Auth, callback sign)
  --otp-code <code>       fixed OTP code instead of a random one (demos)
  --initial-balance <n>   balance of new wallets, in minor units
  --sbp-one-step          SBP payouts complete without confirm
  --strict-cards          refuse card ids that no card binding created
  --quiet                 do not log requests
  --help                  show this text`;

function number(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got ${value}`);
  return n;
}

/** Parses CLI arguments; throws with a readable message on a bad one. */
export function parseCliArgs(argv: string[]): CliConfig {
  // `pnpm dev -- --port 1` passes the `--` through; it separates nothing here.
  const { values } = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    strict: true,
    options: {
      port: { type: 'string' },
      'time-scale': { type: 'string' },
      'callback-url': { type: 'string' },
      'webhook-url': { type: 'string' },
      'public-url': { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'merchant-id': { type: 'string' },
      secret: { type: 'string' },
      'otp-code': { type: 'string' },
      'initial-balance': { type: 'string' },
      'sbp-one-step': { type: 'boolean' },
      'strict-cards': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const port = number('port', values.port, 4010);
  if (!Number.isInteger(port) || port > 65_535)
    throw new Error(`--port must be 0..65535, got ${values.port}`);
  const timeScale = number('time-scale', values['time-scale'], 1);
  if (timeScale === 0) throw new Error('--time-scale must be greater than 0');
  const options: EmulatorOptions = {
    timeScale,
    ...(values['callback-url'] ? { callbackUrl: values['callback-url'] } : {}),
    ...(values['webhook-url'] ? { webhookUrl: values['webhook-url'] } : {}),
    ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
    ...(values['client-id'] ? { clientId: values['client-id'] } : {}),
    ...(values['client-secret'] ? { clientSecret: values['client-secret'] } : {}),
    ...(values['merchant-id'] ? { merchantId: values['merchant-id'] } : {}),
    ...(values.secret ? { secret: values.secret } : {}),
    ...(values['otp-code'] ? { otp: { code: values['otp-code'] } } : {}),
    ...(values['initial-balance']
      ? { initialWalletBalance: Math.trunc(number('initial-balance', values['initial-balance'], 0)) }
      : {}),
    ...(values['sbp-one-step'] ? { sbpOneStep: true } : {}),
    ...(values['strict-cards'] ? { strictCards: true } : {}),
  };
  return { port, quiet: values.quiet ?? false, help: values.help ?? false, options };
}
