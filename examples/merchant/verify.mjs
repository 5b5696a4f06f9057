#!/usr/bin/env node
// The kit as a merchant installs it (CI, after `pnpm build`): packs the four packages, lints the tarballs
// (publint, arethetypeswrong), installs this example with npm into a temporary folder from those tarballs,
// type-checks it under strict (bundler resolution for the page, NodeNext for the server), builds the page,
// starts a CommonJS server that require()s the BFF, and drives the page in Chromium against the emulator CLI
// from its tarball: create a wallet, pass the SMS code, see the balance — once behind a test proxy that says
// `X-Forwarded-Proto: https`, once with the BFF on a second origin (CORS). Prints PASS or FAIL; exit code 1 on
// failure. MK_KEEP_MERCHANT=1 keeps the temporary folder.
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const example = join(repo, 'examples/merchant');
const PACKAGES = ['core', 'ui', 'bff', 'emulator'];
const APP_FILES = [
  'package.json',
  'server.ts',
  'server.cjs',
  'index.html',
  'src',
  'tsconfig.json',
  'tsconfig.server.json',
  'vite.config.mjs',
];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EMULATOR = {
  id: 'emulator-client',
  secret: 'emulator-client-secret',
  merchant: '777',
  sign: 'emulator-merchant-secret',
};
/** The wallet's balance once it opens: 1 500.00 ₽, set on the emulator (kopecks). */
const INITIAL_BALANCE = '150000';

const work = mkdtempSync(join(tmpdir(), 'mk-merchant-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');
const children = new Set();
const servers = new Set();
let browser;
const started = Date.now();

/** Runs `name`, printing ✓ or ✗ with its time. */
async function step(name, fn) {
  const t = Date.now();
  try {
    const result = await fn();
    console.log(`  ✓ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    return result;
  } catch (error) {
    console.log(`  ✗ ${name}`);
    throw error;
  }
}

/** Runs a command to its end; its output is shown only when it fails. */
function run(command, args, options = {}) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe', ...options });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

/** Starts a long-running process and resolves once its output matches `ready`. */
function start(name, command, args, options, ready) {
  return new Promise((resolveStart, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within 20 s:\n${output}`)),
      20_000,
    );
    const read = (chunk) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveStart({ child, match, output: () => output });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      children.delete(child);
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`));
    });
  });
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

function listen(server, port) {
  servers.add(server);
  return new Promise((resolveListen) => server.listen(port, '127.0.0.1', resolveListen));
}

/** The TLS-terminating proxy in front of the merchant: forwards as is, adding X-Forwarded-For and -Proto. */
function httpsLikeProxy(port, target) {
  const server = http.createServer((req, res) => {
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: target,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': forwarded, 'x-forwarded-proto': 'https' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return listen(server, port);
}

/** A plain static file server: the merchant's page on an origin of its own, the BFF on another. */
function staticSite(port, dir) {
  const types = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
  };
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return listen(server, port);
}

/** Opens a wallet on the page at `url`, passes the SMS code and waits for the balance; returns what it saw. */
async function walletFlow(url, emulatorUrl, bffOrigin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = { apiAnswers: [] };
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) seen.apiAnswers.push(response);
  });
  try {
    await page.goto(url);
    // The emulator's sandbox opens a wallet for these test names (SANDBOX_NAMES.success).
    await page.getByLabel('Last name').fill('Success');
    await page.getByLabel('First name').fill('Successful');
    await page.getByLabel('Middle name (patronymic)').fill('Successful');
    await page.getByLabel('Date of birth').fill('22/12/1993');
    await page.getByLabel('INN (taxpayer number)').fill('500100732259');
    await page.getByLabel('SNILS (insurance number)').pressSequentially('11223344595');
    await page.getByLabel('Passport series').fill('1233');
    await page.getByLabel('Passport number').fill('123458');
    await page.getByLabel('Date of issue').fill('24/04/2013');
    await page.getByLabel('Issuing office code').pressSequentially('404004');
    await page.getByLabel('Issued by').fill('Fili Davydkovo District Department of Internal Affairs');
    await page.getByLabel('Place of birth').fill('Moscow');
    await page.getByRole('textbox', { name: 'Registered address' }).fill('Moscow, Petrovka st., 2, apt. 1');
    await page.getByLabel('Mobile phone').pressSequentially('9017636353');
    await page.getByLabel('Email', { exact: true }).fill('ivanoff@mail.ru');
    await page.getByLabel('I accept the wallet terms of service').check();
    // Both answers are awaited from before the click: the OTP input sends the SMS as soon as it appears.
    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/wallets',
      { timeout: 30_000 },
    );
    const sent = page.waitForResponse(
      (r) =>
        r.request().method() === 'POST' &&
        /^\/api\/wallets\/[^/]+\/otp\/send$/.test(new URL(r.url()).pathname),
      { timeout: 30_000 },
    );
    sent.catch(() => {}); // awaited below; not left unhandled if the wallet is refused first
    await page.getByRole('button', { name: 'Open wallet' }).click();
    const answer = await created;
    if (answer.status() !== 201) {
      throw new Error(`POST /api/wallets answered ${answer.status()}: ${await answer.text()}`);
    }
    const { id } = await answer.json();
    const smsSent = await sent;
    if (!smsSent.ok())
      throw new Error(`the SMS code was not sent: ${smsSent.status()} ${await smsSent.text()}`);
    // The emulator's admin API tells the code it "sent by SMS".
    const otp = await fetch(`${emulatorUrl}/__emulator/esp/${id}/otp`).then((r) => r.json());
    await page.getByLabel('SMS code').pressSequentially(otp.code);
    await page.getByText('₽1,500.00').waitFor({ timeout: 30_000 });
    seen.walletId = id;
    seen.createdHeaders = await answer.allHeaders();
    seen.cookies = await context.cookies();
    for (const response of seen.apiAnswers) {
      if (new URL(response.url()).origin !== bffOrigin) {
        throw new Error(`the page called ${response.url()}, not the BFF at ${bffOrigin}`);
      }
    }
    return seen;
  } catch (error) {
    const shot = join(work, `failure-${Date.now()}.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
    const text = await page
      .locator('body')
      .textContent()
      .catch(() => '');
    error.message += `\n(screenshot: ${shot}; page text: ${(text ?? '').slice(0, 600)})`;
    throw error;
  } finally {
    await context.close();
  }
}

async function main() {
  console.log(`merchant install check in ${work}`);
  mkdirSync(tarballs);

  await step("the root README's integration blocks are the example's files, word for word", () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)```\n/g)];
    if (blocks.length < 3)
      throw new Error(
        `README.md shows ${blocks.length} example files; expected server.ts, main.tsx, Wallet.tsx`,
      );
    for (const [, path, text] of blocks) {
      if (readFileSync(join(repo, path), 'utf8') !== text)
        throw new Error(`README.md's copy of ${path} differs from the file`);
    }
  });

  await step('pnpm pack the four packages', () => {
    for (const name of PACKAGES) {
      const dir = join(repo, 'packages', name);
      if (!existsSync(join(dir, 'dist/index.js')))
        throw new Error(`packages/${name}/dist is missing: run pnpm build first`);
      run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: dir });
    }
  });
  const tgz = Object.fromEntries(
    PACKAGES.map((name) => [name, join(tarballs, `mandarin-kit-${name}-0.1.0.tgz`)]),
  );
  for (const file of Object.values(tgz)) if (!existsSync(file)) throw new Error(`${file} was not packed`);

  await step('publint and arethetypeswrong (esm-only profile) on each tarball', () => {
    const bin = join(repo, 'node_modules/.bin');
    for (const name of PACKAGES) {
      run(join(bin, 'publint'), ['run', tgz[name], '--strict']);
      // A stylesheet has no types to resolve: ui's `./styles.css` is left out of the types check.
      const css = name === 'ui' ? ['--exclude-entrypoints', './styles.css'] : [];
      run(join(bin, 'attw'), [tgz[name], '--profile', 'esm-only', '--format', 'table-flipped', ...css]);
    }
  });

  await step('npm install the example from the tarballs', () => {
    mkdirSync(app);
    for (const file of APP_FILES) cpSync(join(example, file), join(app, file), { recursive: true });
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    for (const name of PACKAGES) {
      const section = name === 'emulator' ? pkg.devDependencies : pkg.dependencies;
      section[`@mandarin-kit/${name}`] = `file:${tgz[name]}`;
    }
    // better-sqlite3 is native and its prebuilt binaries live on GitHub, which CI can't reach: the workspace's
    // own build of the same version is handed to its installer as a local prebuild (else it compiles, ~1 min).
    const sqliteDir = join(repo, 'packages/bff/node_modules/better-sqlite3');
    const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
    pkg.dependencies['better-sqlite3'] = sqliteVersion;
    writeFileSync(join(app, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    const prebuilds = join(work, 'prebuilds');
    mkdirSync(prebuilds);
    const abi = process.versions.modules;
    const binary = 'build/Release/better_sqlite3.node';
    if (existsSync(join(sqliteDir, binary))) {
      const name = `better-sqlite3-v${sqliteVersion}-node-v${abi}-${process.platform}-${process.arch}.tar.gz`;
      run('tar', ['-czf', join(prebuilds, name), '-C', sqliteDir, binary]);
    }
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: app,
      env: { ...process.env, npm_config_better_sqlite3_local_prebuilds: prebuilds },
    });
  });

  await step('type-check under strict: the page (bundler), the server (NodeNext)', () => {
    run(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: app });
    run(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.server.json'], { cwd: app });
  });

  const [emulatorPort, serverPort, proxyPort, pagePort, cjsPort] = await Promise.all(
    Array.from({ length: 5 }, freePort),
  );
  const bffOrigin = `http://127.0.0.1:${serverPort}`;
  const pageOrigin = `http://127.0.0.1:${pagePort}`;

  await step('vite build the page (same origin, and for a BFF on another origin)', () => {
    const vite = join(app, 'node_modules/.bin/vite');
    run(vite, ['build', '--logLevel', 'error'], { cwd: app });
    run(vite, ['build', '--logLevel', 'error', '--outDir', 'dist-cors'], {
      cwd: app,
      env: { ...process.env, VITE_BFF_URL: bffOrigin },
    });
  });

  const credentials = {
    MANDARIN_CLIENT_ID: EMULATOR.id,
    MANDARIN_CLIENT_SECRET: EMULATOR.secret,
    MANDARIN_MERCHANT_ID: EMULATOR.merchant,
    MANDARIN_SECRET: EMULATOR.sign,
    SESSION_SECRET: 'merchant-example-session-secret-0123456789',
  };
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

  await step('a CommonJS server require()s the BFF and mounts it', async () => {
    const { child } = await start(
      'server.cjs',
      process.execPath,
      ['server.cjs'],
      {
        cwd: app,
        env: { ...env, ...credentials, PORT: String(cjsPort), SQLITE_FILE: join(work, 'cjs.sqlite') },
      },
      /listening on (\S+)/,
    );
    const base = `http://127.0.0.1:${cjsPort}`;
    const me = await fetch(`${base}/api/me`);
    const body = await me.json();
    if (me.status !== 200 || !body.roles?.includes('customer'))
      throw new Error(`GET /api/me: ${me.status} ${JSON.stringify(body)}`);
    const home = await (await fetch(`${base}/`)).text();
    if (home !== 'merchant home') throw new Error(`the merchant's own route answered ${home}`);
    child.kill('SIGTERM');
  });

  await step('the testkit subpath (@mandarin-kit/bff/testkit) opens a wallet against the emulator', () => {
    const script = `
      import { onboardWallet, startStack } from '@mandarin-kit/bff/testkit';
      const stack = await startStack();
      try {
        const browser = stack.client();
        const id = await onboardWallet(stack, browser);
        const wallet = await browser.get('/api/wallets/' + id);
        if (wallet.body.status !== 'Success') throw new Error('wallet ' + JSON.stringify(wallet.body));
      } finally {
        await stack.close();
      }`;
    run(process.execPath, ['--input-type=module', '-e', script], { cwd: app, env });
  });

  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  const espToken = 'merchant-example-esp-token-0123456789';
  await step(
    'start the emulator CLI from its tarball, the merchant server, the proxy and the second origin',
    async () => {
      await start(
        'mandarin-kit-emulator',
        join(app, 'node_modules/.bin/mandarin-kit-emulator'),
        [
          '--port',
          String(emulatorPort),
          '--time-scale',
          '0.01',
          '--initial-balance',
          INITIAL_BALANCE,
          '--quiet',
          '--webhook-url',
          `${bffOrigin}/callbacks/esp/${espToken}`,
        ],
        { cwd: app, env },
        /listening on (\S+)/,
      );
      await start(
        'merchant server',
        process.execPath,
        ['build/server.js'],
        {
          cwd: app,
          env: {
            ...env,
            ...credentials,
            PORT: String(serverPort),
            MANDARIN_BASE_URL: emulatorUrl,
            SQLITE_FILE: join(work, 'bff.sqlite'),
            TRUST_PROXY: 'true',
            ALLOWED_ORIGINS: pageOrigin,
            ESP_WEBHOOK_TOKEN: espToken,
          },
        },
        /listening on (\S+)/,
      );
      await httpsLikeProxy(proxyPort, serverPort);
      await staticSite(pagePort, join(app, 'dist-cors'));
    },
  );

  const { chromium } = createRequire(join(app, 'package.json'))('playwright-core');
  browser = await step('launch Chromium', () =>
    chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    }),
  );

  await step('wallet, SMS code and balance behind the HTTPS proxy (mounted BFF, same origin)', async () => {
    const proxied = `http://127.0.0.1:${proxyPort}`;
    const seen = await walletFlow(`${proxied}/`, emulatorUrl, proxied);
    const headers = seen.createdHeaders;
    const session = seen.cookies.filter((cookie) => cookie.httpOnly);
    if (session.length === 0 || !session.every((cookie) => cookie.secure)) {
      throw new Error(`the session cookie is not Secure behind the HTTPS proxy: ${JSON.stringify(session)}`);
    }
    if (!headers['strict-transport-security']) throw new Error('no HSTS header behind the HTTPS proxy');
  });

  await step('wallet, SMS code and balance with the BFF on a second origin (CORS)', async () => {
    const seen = await walletFlow(`${pageOrigin}/`, emulatorUrl, bffOrigin);
    const headers = seen.createdHeaders;
    if (headers['access-control-allow-origin'] !== pageOrigin)
      throw new Error('the BFF did not answer with CORS headers');
  });
}

async function stop() {
  await browser?.close().catch(() => {});
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  for (const child of children) child.kill('SIGTERM');
  if (process.env.MK_KEEP_MERCHANT !== '1') rmSync(work, { recursive: true, force: true });
}

try {
  await main();
  await stop();
  console.log(`merchant install check: PASS (${((Date.now() - started) / 1000).toFixed(0)} s)`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.env.MK_KEEP_MERCHANT = '1';
  await stop();
  console.log(`merchant install check: FAIL (kept ${work})`);
  process.exit(1);
}
