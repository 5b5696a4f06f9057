#!/usr/bin/env node
import { ADMIN_ROUTES } from './admin/adminSummary.js';
import { parseCliArgs, USAGE } from './cliArgs.js';
import { createEmulator } from './createEmulator.js';

// `mandarin-kit-emulator`: runs the emulator until SIGINT/SIGTERM, printing what a developer needs to
// point a BFF at it. Credentials here are the emulator's own test values, never real ones.

async function main(): Promise<void> {
  let config: ReturnType<typeof parseCliArgs>;
  try {
    config = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (config.help) {
    console.log(USAGE);
    return;
  }
  const emulator = createEmulator({
    ...config.options,
    logger: config.quiet ? undefined : (line) => console.log(`[emulator] ${line}`),
  });
  const running = await emulator.start(config.port);
  const o = emulator.options;
  console.log(`Mandarin Kit emulator listening on ${running.url}
  OAuth:     POST ${running.url}/oauth/token/  client_id=${o.clientId}  client_secret=${o.clientSecret}
  Merchant:  Mid=${o.merchantId}  secret=${o.secret}  (X-Auth and callback sign)
  Callbacks: ${o.callbackUrl ?? '(per transaction urls.callback only)'}
  Webhooks:  ${o.webhookUrl ?? '(none: set --webhook-url or POST /__emulator/config)'}
  Card form: <script src="${running.url}/api/hosted.js">  test cards 4111 1111 1111 1111 (binds), 4000 0000 0000 0002 (declined)
  Time scale: ${o.timeScale}
Admin API:
${ADMIN_ROUTES.map(([route, description]) => `  ${route.padEnd(46)} ${description}`).join('\n')}`);

  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: stopping`);
    void running.close().then(() => {
      console.log('stopped');
      process.exitCode = 0;
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main();
