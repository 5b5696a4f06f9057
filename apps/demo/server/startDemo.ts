import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type BffApp, createBff, createLogger, Store } from '@mandarin-kit/bff';
import { createEmulator, DEFAULT_CREDENTIALS } from '@mandarin-kit/emulator';
import { sandboxRoutes } from './sandboxRoutes.js';
import { staticFiles } from './staticFiles.js';

/** Where and how the demo runs. */
export interface DemoOptions {
  /** Folder for the SQLite file and the session secret. */
  dataDir: string;
  /** The demo's production build (apps/demo/dist). */
  staticDir: string;
  port?: number;
  emulatorPort?: number;
  /** The emulator's delays × this; 0.1 makes an ESP ready in a few seconds. */
  timeScale?: number;
  logLevel?: string;
}

/** A running demo: the page and BFF at `url`, the emulator (hosted payment page) at `emulatorUrl`. */
export interface RunningDemo {
  url: string;
  emulatorUrl: string;
  /** Stops and starts the BFF on the same port and database (SSE clients must reconnect and resume). */
  restartBff(): Promise<void>;
  close(): Promise<void>;
}

const ESP_TOKEN = 'demo-esp-webhook-token';
const TRANSFERS_TOKEN = 'demo-transfers-token';

function sessionSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * The whole kit on 127.0.0.1: the emulator on its own port, and one server that mounts the BFF (`/api`,
 * `/callbacks`), the demo's sandbox helpers (`/demo/sandbox`) and the built page, so the page talks to the
 * BFF on its own origin.
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  mkdirSync(options.dataDir, { recursive: true });
  const emulator = createEmulator({ timeScale: options.timeScale ?? 0.1, initialWalletBalance: 0 });
  const emulatorServer = await emulator.start(options.emulatorPort ?? 0);
  const providers = emulator.options.providers;
  const logger = createLogger({ level: options.logLevel ?? 'warn' });
  const secret = sessionSecret(options.dataDir);

  let store = await Store.openSqlite(join(options.dataDir, 'bff.sqlite'));
  let url = '';
  const makeBff = (): BffApp =>
    createBff({
      store,
      mandarin: {
        baseUrls: {
          oauth: emulatorServer.url,
          esp: emulatorServer.url,
          classic: emulatorServer.url,
          routing: emulatorServer.url,
          accounts: emulatorServer.url,
        },
        ...DEFAULT_CREDENTIALS,
        timeoutMs: 10_000,
      },
      sessionSecret: secret,
      demoOperatorLogin: true,
      callbackUrl: `${url}/callbacks/mandarin`,
      logger,
      callbacks: {
        espToken: ESP_TOKEN,
        transfersToken: TRANSFERS_TOKEN,
        gateway: { checksumKey: providers.gatewaySecret },
        // The emulator says it sends from the provider's address through X-Forwarded-For on loopback.
        widget: { apiSecret: providers.widgetSecret, trustProxy: true },
        processing: { publicKey: providers.processingPublicKey, secret: providers.processingSecret },
      },
    });

  let bff: BffApp;
  let bffHandler: http.RequestListener;
  const serveStatic = staticFiles(options.staticDir, emulatorServer.url);
  const sandbox = sandboxRoutes({
    emulatorUrl: emulatorServer.url,
    providerUrls: () => ({
      transfers: `${url}/callbacks/transfers/${TRANSFERS_TOKEN}`,
      gateway: `${url}/callbacks/gateway`,
      widget: `${url}/callbacks/widget`,
      processing: `${url}/callbacks/processing`,
    }),
  });
  const handler: http.RequestListener = (req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/api/') || path.startsWith('/callbacks/')) bffHandler(req, res);
    else if (path.startsWith('/demo/sandbox/')) void sandbox(req, res);
    else serveStatic(req, res);
  };
  let server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;
  bff = makeBff();
  bffHandler = bff.callback();
  await bff.ready;
  await fetch(`${emulatorServer.url}/__emulator/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      callbackUrl: `${url}/callbacks/mandarin`,
      webhookUrl: `${url}/callbacks/esp/${ESP_TOKEN}`,
    }),
  });

  const stopServer = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await bff.shutdown();
  };

  return {
    url,
    emulatorUrl: emulatorServer.url,
    async restartBff() {
      await stopServer();
      await store.close();
      store = await Store.openSqlite(join(options.dataDir, 'bff.sqlite'));
      bff = makeBff();
      bffHandler = bff.callback();
      await bff.ready;
      server = http.createServer(handler);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    async close() {
      await stopServer();
      await store.close();
      await emulatorServer.close();
    },
  };
}
