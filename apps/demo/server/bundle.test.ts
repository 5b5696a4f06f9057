import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator, DEFAULT_CREDENTIALS } from '@mandarin-kit/emulator';
import { describe, expect, it } from 'vitest';

// The production build that `pnpm start` serves (built by e2e/buildOnce.ts, this project's global setup).
const dist = fileURLToPath(new URL('../dist', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('the demo’s browser bundle', () => {
  const shipped = files(dist).map((file) => ({ file, text: readFileSync(file, 'latin1') }));

  it('holds no secret the BFF keeps: Mandarin credentials or any provider’s callback secret', () => {
    const { providers } = createEmulator({}).options;
    const secrets = [
      DEFAULT_CREDENTIALS.clientSecret,
      DEFAULT_CREDENTIALS.secret,
      providers.gatewaySecret,
      providers.widgetSecret,
      providers.processingSecret,
      Buffer.from(providers.processingSecret, 'base64').toString('utf8'),
    ];
    expect(shipped.some((f) => f.file.endsWith('.js'))).toBe(true);
    for (const { file, text } of shipped) {
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    }
  });

  it('publishes no source map unless asked (MK_DEMO_SOURCEMAP=true)', () => {
    if (/^(true|1)$/.test(process.env.MK_DEMO_SOURCEMAP ?? '')) return;
    expect(shipped.filter(({ file }) => file.endsWith('.map')).map(({ file }) => file)).toEqual([]);
    for (const { file, text } of shipped) {
      if (file.endsWith('.js')) expect(text, file).not.toMatch(/sourceMappingURL/);
    }
  });

  it('carries none of the server’s code: no BFF, emulator, database or crypto modules', () => {
    for (const { file, text } of shipped) {
      for (const marker of ['better-sqlite3', 'node:crypto', 'createHmac', 'pg-protocol', 'koa-compose']) {
        expect(text.includes(marker), `${marker} in ${file}`).toBe(false);
      }
    }
  });
});
