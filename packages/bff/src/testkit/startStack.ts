import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createEmulator,
  DEFAULT_CREDENTIALS,
  type Emulator,
  type EmulatorOptions,
} from '@mandarin-kit/emulator';
import { type BffApp, type BffOptions, createBff } from '../createBff.js';
import { createLogger } from '../log/createLogger.js';
import { Store } from '../store/Store.js';
import { HttpClient } from './HttpClient.js';

/** A running emulator and BFF on loopback, with a store in a temporary folder and captured log lines. */
export interface Stack {
  bffUrl: string;
  emulatorUrl: string;
  emulator: Emulator;
  /** The first BFF instance's app. */
  app: BffApp;
  store: Store;
  /** Every log line the BFF wrote, raw JSON. */
  logs: string[];
  /** A browser with its own cookie jar: a new anonymous user. */
  client(baseUrl?: string): HttpClient;
  /** Another BFF instance on the same store and emulator (same session secret), with a cold token cache. */
  anotherBff(overrides?: Partial<BffOptions>): Promise<{ url: string; app: BffApp; close(): Promise<void> }>;
  /** The emulator's admin API. */
  admin(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** Starts the emulator and a BFF pointed at it, for tests over real HTTP. */
export async function startStack(
  options: { emulator?: EmulatorOptions; bff?: Partial<BffOptions>; store?: Store } = {},
): Promise<Stack> {
  const emulator = createEmulator({ timeScale: 0.001, ...options.emulator });
  const running = await emulator.start();
  const dir = mkdtempSync(join(tmpdir(), 'mk-bff-'));
  const store = options.store ?? (await Store.openSqlite(join(dir, 'bff.sqlite')));
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => logs.push(line) } });
  const url = running.url;
  const bffOptions = (overrides: Partial<BffOptions> = {}): BffOptions => ({
    store,
    mandarin: mandarinFor(url),
    sessionSecret: 'test-session-secret-0123456789abcdef',
    demoOperatorLogin: true,
    // Every test browser is on loopback and opens wallets for the one sandbox phone: the limits that hold
    // across cookies are the security suite's to test, with their defaults.
    limits: TEST_LIMITS,
    logger,
    callbacks: {
      espToken: ESP_TOKEN,
      transfersToken: TRANSFERS_TOKEN,
      gateway: { checksumKey: emulator.options.providers.gatewaySecret },
      widget: { apiSecret: emulator.options.providers.widgetSecret, trustProxy: true },
      processing: {
        publicKey: emulator.options.providers.processingPublicKey,
        secret: emulator.options.providers.processingSecret,
      },
    },
    ...options.bff,
    ...overrides,
  });
  const app = createBff(bffOptions());
  const first = await listen(app);
  const bffUrl = first.url;
  // The emulator learns where to call back once the BFF has a port.
  await fetch(`${url}/__emulator/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      callbackUrl: `${bffUrl}/callbacks/mandarin`,
      webhookUrl: `${bffUrl}/callbacks/esp/${ESP_TOKEN}`,
    }),
  });
  const extra: Array<{ close(): Promise<void> }> = [];
  return {
    bffUrl,
    emulatorUrl: url,
    emulator,
    app,
    store,
    logs,
    client: (base = bffUrl) => new HttpClient(base),
    async anotherBff(overrides) {
      const another = await listen(createBff(bffOptions(overrides)));
      extra.push(another);
      return another;
    },
    async admin(path, init = {}) {
      const response = await fetch(`${url}/__emulator${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
    },
    async close() {
      for (const server of [first, ...extra]) await server.close();
      await running.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const roomy = { max: 100_000, windowMs: 60_000 };
/** Per phone, per address and global limits out of the way of functional tests. */
export const TEST_LIMITS: Partial<BffOptions['limits'] & object> = {
  otpSendPerPhone: roomy,
  otpSendPerAddress: roomy,
  otpSendGlobal: roomy,
  walletCreatePerPhone: roomy,
  walletCreatePerAddress: roomy,
  walletCreateGlobal: roomy,
  sessionCreatePerAddress: roomy,
};

/** Secret path tokens of the test BFF's unsigned callback routes. */
export const ESP_TOKEN = 'test-esp-webhook-token-0123456789';
export const TRANSFERS_TOKEN = 'test-transfers-token-0123456789';

/** Serves a Koa app on a free loopback port. */
async function listen(app: BffApp): Promise<{ url: string; app: BffApp; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  await app.ready;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    app,
    close: async () => {
      await app.shutdown();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function mandarinFor(url: string): BffOptions['mandarin'] {
  return {
    baseUrls: { oauth: url, esp: url, classic: url, routing: url, accounts: url },
    ...DEFAULT_CREDENTIALS,
    timeoutMs: 2000,
  };
}

/** The Mandarin options a stack's BFF uses, to start another one with a tweak. */
export function stackMandarin(stack: Stack): BffOptions['mandarin'] {
  return mandarinFor(stack.emulatorUrl);
}
