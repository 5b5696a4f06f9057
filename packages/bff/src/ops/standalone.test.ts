import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator, DEFAULT_CREDENTIALS } from '@mandarin-kit/emulator';
import { describe, expect, it } from 'vitest';
import { HttpClient } from '../testkit/HttpClient.js';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

function run(env: Record<string, string>, args: string[] = []) {
  const child = spawn(
    process.execPath,
    ['--conditions=@mandarin-kit/source', '--import', 'tsx', cli, ...args],
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
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

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('mandarin-kit-bff CLI, for operators', () => {
  it('prints its version and its help without reading the environment', async () => {
    const versionRun = run({}, ['--version']);
    expect(await versionRun.exited).toBe(0);
    expect(versionRun.output().trim()).toBe(version);

    const help = run({}, ['--help']);
    expect(await help.exited).toBe(0);
    expect(help.output()).toContain('Usage: mandarin-kit-bff');
    expect(help.output()).toMatch(/MANDARIN_CLIENT_SECRET \(required\)/);
    for (const name of [
      'BFF_METRICS',
      'BFF_METRICS_TOKEN',
      'BFF_SHUTDOWN_GRACE_MS',
      'BFF_TRACE_PROPAGATION',
    ]) {
      expect(help.output()).toContain(`  ${name}\n`);
    }

    const unknown = run({}, ['--frobnicate']);
    expect(await unknown.exited).toBe(2);
    expect(unknown.output()).toContain('unknown argument --frobnicate');
  }, 30_000);

  it('logs one start-up line without secrets, and stays up not ready for the shutdown delay, and a second SIGTERM exits at once', async () => {
    const emulator = createEmulator({ timeScale: 0.001 });
    const upstream = await emulator.start();
    const dir = mkdtempSync(join(tmpdir(), 'mk-ops-cli-'));
    const secrets = {
      MANDARIN_CLIENT_SECRET: DEFAULT_CREDENTIALS.clientSecret,
      MANDARIN_SECRET: DEFAULT_CREDENTIALS.secret,
      BFF_SESSION_SECRET: 'operator-cli-session-secret-0123456789',
      BFF_METRICS_TOKEN: 'operator-cli-metrics-token-0123456789',
    };
    const { child, output, exited } = run({
      ...secrets,
      MANDARIN_ENV: 'emulator',
      MANDARIN_BASE_URL: upstream.url,
      MANDARIN_CLIENT_ID: DEFAULT_CREDENTIALS.clientId,
      MANDARIN_MERCHANT_ID: DEFAULT_CREDENTIALS.merchantId,
      BFF_PORT: '0',
      BFF_SQLITE_FILE: join(dir, 'bff.sqlite'),
      BFF_METRICS: 'true',
      BFF_SHUTDOWN_DELAY_MS: '20000',
      BFF_LOG_LEVEL: 'info',
    });
    try {
      await until(() => /listening on (\S+)/.test(output()), 'the BFF to listen');
      const url = /listening on (\S+)/.exec(output())![1]!;
      const line = output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, any>)
        .find((l) => l.msg === 'mandarin-kit-bff listening')!;
      expect(line).toMatchObject({
        version,
        url,
        store: 'sqlite',
        upstream: {
          env: 'emulator',
          hosts: { oauth: upstream.url, esp: upstream.url, classic: upstream.url },
        },
        features: {
          metrics: true,
          metricsToken: true,
          reconciler: true,
          callbacks: ['mandarin'],
          demoOperatorLogin: false,
          trustProxy: false,
        },
      });
      expect(typeof line.features.tracing).toBe('boolean');
      for (const secret of Object.values(secrets)) expect(output()).not.toContain(secret);

      // Told to stop, it stays up for BFF_SHUTDOWN_DELAY_MS, not ready, so the load balancer moves traffic away,
      // and keeps answering what still comes, closing each connection after its answer.
      child.kill('SIGTERM');
      await until(() => output().includes('"shutting down"'), 'the shutdown to begin');
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        status: 'not_ready',
        failing: ['shutdown'],
        checks: { shutdown: 'shutting_down' },
      });
      const me = await new HttpClient(url).get('/api/me');
      expect(me.status).toBe(200);
      expect(me.headers.get('connection')).toBe('close');
      // The operator doesn't want to wait: a second signal ends it at once.
      const second = Date.now();
      child.kill('SIGTERM');
      expect(await exited).toBe(1);
      expect(Date.now() - second).toBeLessThan(2000);
    } finally {
      child.kill('SIGKILL');
      await upstream.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
