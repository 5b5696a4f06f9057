import { describe, expect, it } from 'vitest';
import { readBffEnv } from './env.js';

const base = {
  MANDARIN_ENV: 'sandbox',
  MANDARIN_CLIENT_ID: 'id',
  MANDARIN_CLIENT_SECRET: 'secret',
  MANDARIN_MERCHANT_ID: '777',
  MANDARIN_SECRET: 's',
  BFF_SESSION_SECRET: 'x'.repeat(32),
};

/** The lines of the error readBffEnv throws for `env`. */
function problems(env: Record<string, string>): string[] {
  try {
    readBffEnv(env);
  } catch (error) {
    return (error as Error).message.split('\n').slice(1);
  }
  throw new Error('readBffEnv accepted the environment');
}

describe('configuration errors', () => {
  it('say what each variable must be in plain words, never zod’s', () => {
    const lines = problems({
      ...base,
      MANDARIN_ENV: 'staging',
      MANDARIN_CLIENT_ID: '',
      MANDARIN_TIMEOUT_MS: '5',
      MANDARIN_DEADLINE_MS: 'soon',
      BFF_PORT: '99999',
      BFF_TRUST_PROXY: 'maybe',
      BFF_LOG_LEVEL: 'loud',
    });
    expect(lines).toEqual([
      '  MANDARIN_ENV: must be sandbox, production or emulator',
      '  MANDARIN_CLIENT_ID: must not be empty',
      '  MANDARIN_TIMEOUT_MS: must be a whole number ≥ 100',
      '  MANDARIN_DEADLINE_MS: must be a whole number',
      '  BFF_PORT: must be a whole number ≤ 65535',
      '  BFF_TRUST_PROXY: must be true or false',
      '  BFF_LOG_LEVEL: must be fatal, error, warn, info, debug, trace or silent',
    ]);
    for (const line of lines) expect(line).not.toMatch(/Invalid|Too (small|big)|expected|received|NaN/);
  });

  it('keep the messages the schema words itself, and name what is missing', () => {
    const { MANDARIN_SECRET: _, ...withoutSecret } = base;
    expect(problems({ ...withoutSecret, BFF_SESSION_SECRET: 'short', BFF_SECURE_COOKIES: 'x' })).toEqual([
      '  MANDARIN_SECRET: missing',
      '  BFF_SESSION_SECRET: must be at least 32 characters',
      '  BFF_SECURE_COOKIES: must be auto, true or false',
    ]);
  });

  it('read the origins allowed to call the BFF with cookies, and refuse what is not an origin', () => {
    expect(
      readBffEnv({ ...base, BFF_ALLOWED_ORIGINS: 'https://shop.example, http://127.0.0.1:5173' })
        .BFF_ALLOWED_ORIGINS,
    ).toEqual(['https://shop.example', 'http://127.0.0.1:5173']);
    expect(readBffEnv(base).BFF_ALLOWED_ORIGINS).toEqual([]);
    expect(problems({ ...base, BFF_ALLOWED_ORIGINS: 'https://shop.example/, shop' })).toEqual([
      '  BFF_ALLOWED_ORIGINS: must be origins like https://shop.example, comma separated',
    ]);
  });
});

describe('operations variables', () => {
  it('keeps metrics off and tracing on, without propagation, unless told otherwise', () => {
    const env = readBffEnv(base);
    expect(env).toMatchObject({
      BFF_METRICS: false,
      BFF_TRACING: true,
      BFF_TRACE_PROPAGATION: false,
      BFF_SHUTDOWN_GRACE_MS: 10_000,
      BFF_SHUTDOWN_DELAY_MS: 0,
    });
    expect(env.BFF_METRICS_TOKEN).toBeUndefined();
  });

  it('refuses a metrics token without metrics, a short one, and a grace period out of range', () => {
    expect(() => readBffEnv({ ...base, BFF_METRICS_TOKEN: 'a-token-long-enough-0123' })).toThrow(
      /BFF_METRICS_TOKEN: needs BFF_METRICS=true/,
    );
    expect(() => readBffEnv({ ...base, BFF_METRICS: 'true', BFF_METRICS_TOKEN: 'short' })).toThrow(
      /BFF_METRICS_TOKEN: must be at least 16 characters/,
    );
    expect(() => readBffEnv({ ...base, BFF_SHUTDOWN_GRACE_MS: '-1' })).toThrow(/BFF_SHUTDOWN_GRACE_MS/);
    expect(
      readBffEnv({ ...base, BFF_METRICS: 'true', BFF_METRICS_TOKEN: 'a-token-long-enough-0123' }).BFF_METRICS,
    ).toBe(true);
  });
});
