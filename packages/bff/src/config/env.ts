import { isIP } from 'node:net';
import { z } from 'zod';
import { defaultRateLimits, type RateLimits } from '../BffDeps.js';
import type { CallbackOptions } from '../createBff.js';
import { normaliseIp, type TrustedProxies } from '../http/clientAddress.js';
import { invalidOrigins } from '../http/cors.js';
import { parseLimit } from '../http/rateLimit.js';
import { defaultBaseUrls, type UpstreamHost } from '../upstream/routes.js';

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== ''),
);
/** Comma-separated origins, each exactly as a browser sends `Origin` (`https://shop.example`). */
const origins = list.refine((values) => invalidOrigins(values).length === 0, {
  error: 'must be origins like https://shop.example, comma separated',
});

/** `otpSendPerPhone` → `BFF_LIMIT_OTP_SEND_PER_PHONE`: one variable per rate limit. */
export const limitVariable = (name: string) =>
  `BFF_LIMIT_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

const limit = z.string().transform((value, ctx) => {
  const parsed = parseLimit(value);
  if (parsed === undefined || parsed.max < 1 || parsed.windowMs < 1000) {
    ctx.addIssue({
      code: 'custom',
      message: 'must look like 5/1h: a count ≥ 1, a slash and a window (s, m, h or d)',
    });
    return z.NEVER;
  }
  return parsed;
});
const limitVariables = Object.fromEntries(
  Object.keys(defaultRateLimits).map((name) => [limitVariable(name), limit.optional()]),
) as Record<string, z.ZodOptional<typeof limit>>;

const trustedProxies = z.string().transform((value, ctx): TrustedProxies => {
  if (/^\d+$/.test(value.trim())) {
    const count = Number(value);
    if (count >= 1 && count <= 16) return count;
  } else {
    const addresses = value
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    if (addresses.length > 0 && addresses.every((a) => isIP(normaliseIp(a)) !== 0)) return addresses;
  }
  ctx.addIssue({
    code: 'custom',
    message: 'must be a count of proxies (1 to 16) or their IP addresses, comma separated',
  });
  return z.NEVER;
});
const streams = z.coerce.number().int().min(1).max(1_000_000);

/** Environment variables of `mandarin-kit-bff`; each is checked at start and named when missing or wrong. */
export const bffEnvSchema = z.object({
  MANDARIN_ENV: z.enum(['sandbox', 'production', 'emulator']),
  MANDARIN_CLIENT_ID: z.string().min(1),
  MANDARIN_CLIENT_SECRET: z.string().min(1),
  MANDARIN_MERCHANT_ID: z.string().regex(/^\d+$/, 'must be the numeric merchant id'),
  MANDARIN_SECRET: z.string().min(1),
  /** One origin for every upstream host (the emulator); required when MANDARIN_ENV=emulator. */
  MANDARIN_BASE_URL: url.optional(),
  MANDARIN_OAUTH_URL: url.optional(),
  MANDARIN_ESP_URL: url.optional(),
  MANDARIN_CLASSIC_URL: url.optional(),
  MANDARIN_ROUTING_URL: url.optional(),
  MANDARIN_ACCOUNTS_URL: url.optional(),
  MANDARIN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** Budget of one upstream call, every attempt and the token included: a hung upstream answers 504 within it. */
  MANDARIN_DEADLINE_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** The merchant account's SBP payout mode at Mandarin. */
  BFF_SBP_MODE: z.enum(['two-step', 'one-step']).default('two-step'),
  /** How long after creation something pending (with its callback overdue) is asked about at Mandarin. */
  BFF_RECONCILE_AFTER_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
  /** How often the reconciliation queue is looked at; 0 turns the reconciler off on this instance. */
  BFF_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  BFF_HOST: z.string().default('127.0.0.1'),
  BFF_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  BFF_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters'),
  BFF_SQLITE_FILE: z.string().default('.data/bff.sqlite'),
  BFF_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** Prepare the store's statements once per connection; `false` behind a pooler that can't keep them. */
  BFF_PG_PREPARE: bool.default(true),
  BFF_PUBLIC_URL: url.optional(),
  BFF_DEMO_OPERATOR_LOGIN: bool.default(false),
  BFF_TRUST_PROXY: bool.default(false),
  /** How many proxies are in front (default 1) or their addresses; needs BFF_TRUST_PROXY=true. */
  BFF_TRUSTED_PROXIES: trustedProxies.optional(),
  BFF_SECURE_COOKIES: z
    .enum(['auto', 'true', 'false', '1', '0'], { error: 'must be auto, true or false' })
    .default('auto')
    .transform((v) => (v === 'auto' ? 'auto' : v === 'true' || v === '1')),
  /** Secret path token of `/callbacks/esp/<token>`, the URL to register for ESP webhooks. */
  BFF_ESP_WEBHOOK_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  BFF_ESP_WEBHOOK_IPS: list.optional(),
  BFF_TRANSFERS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  BFF_TRANSFERS_IPS: list.optional(),
  BFF_GATEWAY_CHECKSUM_KEY: z.string().min(1).optional(),
  /** `Name: value` of a custom header the gateway sends. */
  BFF_GATEWAY_HEADER: z
    .string()
    .regex(/^[\w-]+: .+$/, 'must look like "Authorization: token"')
    .optional(),
  BFF_WIDGET_API_SECRET: z.string().min(1).optional(),
  BFF_WIDGET_IPS: list.default(['130.193.70.192']),
  BFF_WIDGET_TRUST_PROXY: bool.default(false),
  BFF_PROCESSING_PUBLIC_KEY: z.string().min(1).optional(),
  BFF_PROCESSING_SECRET: z.base64('must be base64').optional(),
  /** Origins of pages on other origins that may call the BFF with cookies (CORS), comma separated. */
  BFF_ALLOWED_ORIGINS: origins.default([]),
  BFF_SSE_ALLOWED_ORIGINS: list.default([]),
  BFF_SSE_MAX_STREAMS_PER_USER: streams.optional(),
  BFF_SSE_MAX_STREAMS_PER_ADDRESS: streams.optional(),
  BFF_SSE_MAX_STREAMS: streams.optional(),
  ...limitVariables,
  /** Prometheus metrics at GET /metrics. */
  BFF_METRICS: bool.default(false),
  /** Bearer token the scraper must send to GET /metrics. */
  BFF_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** OpenTelemetry spans, when @opentelemetry/api is installed. */
  BFF_TRACING: bool.default(true),
  /** W3C traceparent sent to Mandarin with each upstream attempt. */
  BFF_TRACE_PROPAGATION: bool.default(false),
  /** How long a shutdown waits for requests in flight. */
  BFF_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** How long a shutting-down instance keeps serving, not ready, before it stops accepting connections. */
  BFF_SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  BFF_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
/** Validated configuration of the standalone BFF. */
export type BffEnv = z.infer<typeof bffEnvSchema>;

/** A list of choices as a person writes it: `a, b or c`. */
function choices(values: readonly unknown[]): string {
  const words = values.map(String);
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** The message of a zod issue that the schema gave none of its own, in the words of the README's table. */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_value': {
      const values = issue.values.map(String);
      if (values.length === 4 && ['true', 'false', '1', '0'].every((v) => values.includes(v))) {
        return 'must be true or false';
      }
      return `must be ${choices(values)}`;
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `must be at least ${issue.minimum} characters`;
      }
      return `must be a whole number ≥ ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters`
        : `must be a whole number ≤ ${issue.maximum}`;
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int'
        ? 'must be a whole number'
        : 'must be text';
    default:
      return 'is not valid';
  }
}

/** Reads the environment; throws an Error that names every missing or malformed variable. */
export function readBffEnv(env: NodeJS.ProcessEnv = process.env): BffEnv {
  // Messages a person reads, not zod's: the schema's own messages win over these where it has them.
  const parsed = bffEnvSchema.safeParse(env, { error: plainMessage });
  const lines = (parsed.error?.issues ?? []).map((issue) => {
    const name = String(issue.path[0] ?? '');
    return issue.code === 'invalid_type' && env[name] === undefined
      ? `  ${name}: missing`
      : `  ${name}: ${issue.message}`;
  });
  // Checked on the raw values so that it is reported together with every other problem.
  if (env.MANDARIN_ENV === 'emulator' && !env.MANDARIN_BASE_URL) {
    lines.push('  MANDARIN_BASE_URL: is required when MANDARIN_ENV=emulator');
  }
  if (env.BFF_TRUSTED_PROXIES && !/^(true|1)$/.test(env.BFF_TRUST_PROXY ?? '')) {
    lines.push('  BFF_TRUSTED_PROXIES: needs BFF_TRUST_PROXY=true');
  }
  // The public site is HTTPS but the BFF (plain HTTP) may not believe the proxy that says so: its session
  // cookie would never be Secure. Either trust the proxy or say that every request is HTTPS.
  if (
    env.BFF_PUBLIC_URL?.startsWith('https:') &&
    !/^(true|1)$/.test(env.BFF_TRUST_PROXY ?? '') &&
    /^(auto)?$/.test(env.BFF_SECURE_COOKIES ?? '')
  ) {
    lines.push(
      '  BFF_SECURE_COOKIES: BFF_PUBLIC_URL is https but the BFF serves plain HTTP and BFF_TRUST_PROXY is off, so session cookies would never be Secure; set BFF_TRUST_PROXY=true behind your TLS proxy, or BFF_SECURE_COOKIES=true',
    );
  }
  if (env.BFF_METRICS_TOKEN && !/^(true|1)$/.test(env.BFF_METRICS ?? '')) {
    lines.push('  BFF_METRICS_TOKEN: needs BFF_METRICS=true');
  }
  if (parsed.success && lines.length === 0) return parsed.data;
  throw new Error(`mandarin-kit-bff: invalid configuration\n${lines.join('\n')}`);
}

/** Upstream base URLs: the environment's hosts, the single emulator origin, then per-host overrides. */
export function baseUrlsFrom(env: BffEnv): Record<UpstreamHost, string> {
  const base =
    env.MANDARIN_ENV === 'emulator' || env.MANDARIN_BASE_URL !== undefined
      ? Object.fromEntries(
          (['oauth', 'esp', 'classic', 'routing', 'accounts'] as const).map((h) => [
            h,
            env.MANDARIN_BASE_URL!,
          ]),
        )
      : defaultBaseUrls(env.MANDARIN_ENV === 'production' ? 'production' : 'sandbox');
  return {
    oauth: env.MANDARIN_OAUTH_URL ?? base.oauth!,
    esp: env.MANDARIN_ESP_URL ?? base.esp!,
    classic: env.MANDARIN_CLASSIC_URL ?? base.classic!,
    routing: env.MANDARIN_ROUTING_URL ?? base.routing!,
    accounts: env.MANDARIN_ACCOUNTS_URL ?? base.accounts!,
  };
}

/** The callback routes' settings from the environment (a provider without its secret gets no route). */
export function callbackOptionsFrom(env: BffEnv): CallbackOptions {
  const header = env.BFF_GATEWAY_HEADER?.split(/: (.*)/s);
  return {
    ...(env.BFF_ESP_WEBHOOK_TOKEN
      ? { espToken: env.BFF_ESP_WEBHOOK_TOKEN, espAllowedIps: env.BFF_ESP_WEBHOOK_IPS ?? [] }
      : {}),
    ...(env.BFF_TRANSFERS_TOKEN
      ? { transfersToken: env.BFF_TRANSFERS_TOKEN, transfersAllowedIps: env.BFF_TRANSFERS_IPS ?? [] }
      : {}),
    gateway: {
      ...(env.BFF_GATEWAY_CHECKSUM_KEY ? { checksumKey: env.BFF_GATEWAY_CHECKSUM_KEY } : {}),
      ...(header ? { header: { name: header[0]!, value: header[1]! } } : {}),
    },
    ...(env.BFF_WIDGET_API_SECRET
      ? {
          widget: {
            apiSecret: env.BFF_WIDGET_API_SECRET,
            allowedIps: env.BFF_WIDGET_IPS,
            trustProxy: env.BFF_WIDGET_TRUST_PROXY,
          },
        }
      : {}),
    ...(env.BFF_PROCESSING_PUBLIC_KEY && env.BFF_PROCESSING_SECRET
      ? { processing: { publicKey: env.BFF_PROCESSING_PUBLIC_KEY, secret: env.BFF_PROCESSING_SECRET } }
      : {}),
  };
}

/** The rate limits set in the environment (the rest keep their defaults). */
export function limitsFrom(env: BffEnv): Partial<RateLimits> {
  const values = env as unknown as Record<string, RateLimits[keyof RateLimits] | undefined>;
  return Object.fromEntries(
    Object.keys(defaultRateLimits)
      .map((name) => [name, values[limitVariable(name)]] as const)
      .filter(([, value]) => value !== undefined),
  );
}
