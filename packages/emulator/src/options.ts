import type { RetrySchedule } from './callbacks/retrySchedule.js';
import type { ProviderSecrets } from './providers/ProviderSecrets.js';

export type { ProviderSecrets, RetrySchedule };

/** Nominal delays in seconds; every one is multiplied by `timeScale` before it is waited for. */
export interface EmulatorDelays {
  /** From creation (or the payer's click) to the end of a server-side transaction. */
  transactionSeconds: number;
  /** From OTP verification to `processed_at` of an ESP. */
  espProcessedSeconds: number;
  /** From `processed_at` to `finished_at` and the final ESP status. */
  espFinishedSeconds: number;
}

/** Options of `createEmulator`; every field has a default so that the emulator runs with zero config. */
export interface EmulatorOptions {
  /** OAuth client_id accepted by `POST /oauth/token/`. */
  clientId?: string;
  /** OAuth client_secret accepted by `POST /oauth/token/`. */
  clientSecret?: string;
  /** Merchant id: the `Mid` header and the first part of `X-Auth`. */
  merchantId?: string;
  /** Merchant secret: verifies `X-Auth` and signs transaction callbacks. */
  secret?: string;
  /** Default URL for transaction callbacks (a transaction's `urls.callback` wins). */
  callbackUrl?: string;
  /** URL that receives ESP status webhooks. */
  webhookUrl?: string;
  /** Origin used in `userWebLink`; defaults to the origin the request came in on. */
  publicUrl?: string;
  /** Multiplies every delay and retry interval: 0.001 makes a minute last 60 ms. Default 1. */
  timeScale?: number;
  /** Lifetime of issued access tokens (`expires_in`). Default 36000. */
  tokenTtlSeconds?: number;
  /** Scopes this client may be granted; default: every scope the emulator knows. */
  allowedScopes?: string[];
  /** OTP behaviour: lifetime, attempts, and a fixed code for manual demos (random by default). */
  otp?: { ttlSeconds?: number; retries?: number; code?: string };
  /** Balance (minor units) a wallet starts with when its ESP becomes `Success`. Default 0. */
  initialWalletBalance?: bigint | number;
  /** Nominal delays, see `EmulatorDelays`. */
  delays?: Partial<EmulatorDelays>;
  /** Retry schedule of transaction callbacks and ESP webhooks. */
  callbackRetry?: Partial<RetrySchedule>;
  /** SBP payouts complete without `/api/sbp/{id}/confirm` (one-step). Default false: two-step. */
  sbpOneStep?: boolean;
  /** Refuse routing to accounts not created with `POST /api/v1/accounts/business`. Default false. */
  strictAccounts?: boolean;
  /**
   * Refuse (400) transactions naming a card id that no `POST /api/card-bindings` created. Default false, so
   * made-up ids keep working; a known binding that is not bound fails the transaction either way.
   */
  strictCards?: boolean;
  /** Secrets of the other providers' callback senders. */
  providers?: Partial<ProviderSecrets>;
  /** Receives one line per request and per notable event; silent by default. */
  logger?: (line: string) => void;
}

/** Options with every default filled in. */
export interface ResolvedEmulatorOptions {
  clientId: string;
  clientSecret: string;
  merchantId: string;
  secret: string;
  callbackUrl: string | undefined;
  webhookUrl: string | undefined;
  publicUrl: string | undefined;
  timeScale: number;
  tokenTtlSeconds: number;
  allowedScopes: string[] | undefined;
  otp: { ttlSeconds: number; retries: number; code: string | undefined };
  initialWalletBalance: bigint;
  delays: EmulatorDelays;
  callbackRetry: RetrySchedule;
  sbpOneStep: boolean;
  strictAccounts: boolean;
  strictCards: boolean;
  providers: ProviderSecrets;
  logger: (line: string) => void;
}

/** Credentials used when none are given; printed by the CLI. */
export const DEFAULT_CREDENTIALS = {
  clientId: 'emulator-client',
  clientSecret: 'emulator-client-secret',
  merchantId: '777',
  secret: 'emulator-merchant-secret',
} as const;

/** Fills in defaults and refuses options that would make the emulator misbehave. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedEmulatorOptions {
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) {
    throw new RangeError(`timeScale must be a positive number, got ${timeScale}`);
  }
  return {
    clientId: options.clientId ?? DEFAULT_CREDENTIALS.clientId,
    clientSecret: options.clientSecret ?? DEFAULT_CREDENTIALS.clientSecret,
    merchantId: options.merchantId ?? DEFAULT_CREDENTIALS.merchantId,
    secret: options.secret ?? DEFAULT_CREDENTIALS.secret,
    callbackUrl: options.callbackUrl,
    webhookUrl: options.webhookUrl,
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    timeScale,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 36_000,
    allowedScopes: options.allowedScopes,
    otp: {
      ttlSeconds: options.otp?.ttlSeconds ?? 300,
      retries: options.otp?.retries ?? 10,
      code: options.otp?.code,
    },
    initialWalletBalance: BigInt(options.initialWalletBalance ?? 0),
    delays: {
      transactionSeconds: 2,
      espProcessedSeconds: 3,
      espFinishedSeconds: 1,
      ...options.delays,
    },
    callbackRetry: {
      intervalsSeconds: [10, 30, 60, 300, 900, 3600],
      maxAttempts: 12,
      ...options.callbackRetry,
    },
    sbpOneStep: options.sbpOneStep ?? false,
    strictAccounts: options.strictAccounts ?? false,
    strictCards: options.strictCards ?? false,
    providers: {
      gatewaySecret: 'emulator-gateway-secret',
      widgetSecret: 'emulator-widget-secret',
      processingPublicKey: 'emulator-processing-key',
      processingSecret: Buffer.from('emulator-processing-secret').toString('base64'),
      ...options.providers,
    },
    logger: options.logger ?? (() => {}),
  };
}
