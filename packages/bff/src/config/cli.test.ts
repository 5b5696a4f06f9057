import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator, DEFAULT_CREDENTIALS } from '@mandarin-kit/emulator';
import { describe, expect, it } from 'vitest';
import { limitsFrom, readBffEnv } from './env.js';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--conditions=@mandarin-kit/source', '--import', 'tsx', cli], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

describe('mandarin-kit-bff CLI', () => {
  it('names every missing or malformed variable and exits without starting', async () => {
    const { output, exited } = run({
      MANDARIN_ENV: 'emulator',
      MANDARIN_MERCHANT_ID: 'abc',
      BFF_SESSION_SECRET: 'short',
    });
    expect(await exited).toBe(2);
    const text = output();
    for (const name of [
      'MANDARIN_CLIENT_ID: missing',
      'MANDARIN_CLIENT_SECRET: missing',
      'MANDARIN_SECRET: missing',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(/MANDARIN_MERCHANT_ID: must be the numeric merchant id/);
    expect(text).toMatch(/BFF_SESSION_SECRET: must be at least 32 characters/);
    expect(text).toMatch(/MANDARIN_BASE_URL: is required when MANDARIN_ENV=emulator/);
  }, 30_000);

  it('says why it could not start, without a stack trace, and exits 1', async () => {
    const { output, exited } = run({
      MANDARIN_ENV: 'sandbox',
      MANDARIN_CLIENT_ID: 'id',
      MANDARIN_CLIENT_SECRET: 'secret',
      MANDARIN_MERCHANT_ID: '777',
      MANDARIN_SECRET: 's',
      BFF_SESSION_SECRET: 'x'.repeat(32),
      BFF_DATABASE_URL: 'postgres://127.0.0.1:1/nothing-listens-here',
      BFF_LOG_LEVEL: 'silent',
    });
    expect(await exited).toBe(1);
    expect(output()).toMatch(/ECONNREFUSED/);
    expect(output()).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('starts against the emulator, answers, and stops cleanly on SIGTERM', async () => {
    const emulator = await createEmulator({ timeScale: 0.001 }).start();
    const dir = mkdtempSync(join(tmpdir(), 'mk-cli-'));
    try {
      const { child, output, exited } = run({
        MANDARIN_ENV: 'emulator',
        MANDARIN_BASE_URL: emulator.url,
        MANDARIN_CLIENT_ID: DEFAULT_CREDENTIALS.clientId,
        MANDARIN_CLIENT_SECRET: DEFAULT_CREDENTIALS.clientSecret,
        MANDARIN_MERCHANT_ID: DEFAULT_CREDENTIALS.merchantId,
        MANDARIN_SECRET: DEFAULT_CREDENTIALS.secret,
        BFF_SESSION_SECRET: 'a-long-enough-session-secret-for-the-cli-test',
        BFF_PORT: '0',
        BFF_SQLITE_FILE: join(dir, 'bff.sqlite'),
        BFF_LOG_LEVEL: 'silent',
      });
      for (let i = 0; i < 300 && !/listening on (\S+)/.test(output()); i++)
        await new Promise((r) => setTimeout(r, 50));
      const url = /listening on (\S+)/.exec(output())?.[1];
      expect(url).toBeDefined();
      const me = await fetch(`${url}/api/me`);
      expect(me.status).toBe(200);
      expect(((await me.json()) as { roles: string[] }).roles).toEqual(['customer']);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output()).not.toContain(DEFAULT_CREDENTIALS.clientSecret);
    } finally {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('picks the environment hosts and lets each base URL be overridden', async () => {
    const { baseUrlsFrom } = await import('./env.js');
    const env = readBffEnv({
      MANDARIN_ENV: 'sandbox',
      MANDARIN_CLIENT_ID: 'id',
      MANDARIN_CLIENT_SECRET: 'secret',
      MANDARIN_MERCHANT_ID: '777',
      MANDARIN_SECRET: 's',
      BFF_SESSION_SECRET: 'x'.repeat(32),
      MANDARIN_ROUTING_URL: 'http://127.0.0.1:9/',
    });
    expect(baseUrlsFrom(env)).toMatchObject({
      esp: 'https://sandbox-payment-tokens.mandarin.io',
      classic: 'https://secure.mandarinpay.com',
      routing: 'http://127.0.0.1:9/',
    });
  });

  const base = {
    MANDARIN_ENV: 'sandbox',
    MANDARIN_CLIENT_ID: 'id',
    MANDARIN_CLIENT_SECRET: 'secret',
    MANDARIN_MERCHANT_ID: '777',
    MANDARIN_SECRET: 's',
    BFF_SESSION_SECRET: 'x'.repeat(32),
  };

  it('reads each rate limit as count/window and refuses a malformed one by name', () => {
    const env = readBffEnv({
      ...base,
      BFF_LIMIT_OTP_SEND_PER_PHONE: '2/30m',
      BFF_LIMIT_WALLET_CREATE_GLOBAL: '50/1d',
    });
    expect(limitsFrom(env)).toEqual({
      otpSendPerPhone: { max: 2, windowMs: 30 * 60_000 },
      walletCreateGlobal: { max: 50, windowMs: 86_400_000 },
    });
    expect(() => readBffEnv({ ...base, BFF_LIMIT_SESSION_CREATE_PER_ADDRESS: 'lots' })).toThrow(
      /BFF_LIMIT_SESSION_CREATE_PER_ADDRESS: must look like 5\/1h/,
    );
    expect(() => readBffEnv({ ...base, BFF_LIMIT_OTP_SEND_PER_ADDRESS: '0/1h' })).toThrow(
      /BFF_LIMIT_OTP_SEND_PER_ADDRESS/,
    );
  });

  it('reads trusted proxies as a count or addresses, and only with BFF_TRUST_PROXY', () => {
    expect(
      readBffEnv({ ...base, BFF_TRUST_PROXY: 'true', BFF_TRUSTED_PROXIES: '2' }).BFF_TRUSTED_PROXIES,
    ).toBe(2);
    expect(
      readBffEnv({ ...base, BFF_TRUST_PROXY: 'true', BFF_TRUSTED_PROXIES: '10.0.0.1, ::1' })
        .BFF_TRUSTED_PROXIES,
    ).toEqual(['10.0.0.1', '::1']);
    expect(() => readBffEnv({ ...base, BFF_TRUSTED_PROXIES: '1' })).toThrow(
      /BFF_TRUSTED_PROXIES: needs BFF_TRUST_PROXY=true/,
    );
    expect(() =>
      readBffEnv({ ...base, BFF_TRUST_PROXY: 'true', BFF_TRUSTED_PROXIES: 'lb.internal' }),
    ).toThrow(/BFF_TRUSTED_PROXIES: must be a count/);
  });

  it('refuses an https public URL whose cookies could never be Secure', () => {
    const https = { ...base, BFF_PUBLIC_URL: 'https://shop.example' };
    expect(() => readBffEnv(https)).toThrow(/BFF_SECURE_COOKIES: BFF_PUBLIC_URL is https/);
    expect(readBffEnv({ ...https, BFF_TRUST_PROXY: 'true' }).BFF_SECURE_COOKIES).toBe('auto');
    expect(readBffEnv({ ...https, BFF_SECURE_COOKIES: 'true' }).BFF_SECURE_COOKIES).toBe(true);
  });
});
