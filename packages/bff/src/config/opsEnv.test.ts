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
