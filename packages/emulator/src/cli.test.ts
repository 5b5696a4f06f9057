import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from './cliArgs.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs `tsx src/cli.ts` with the workspace's source condition, so no build is needed. */
function spawnCli(args: string[]): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@mandarin-kit/source', 'src/cli.ts', ...args],
    {
      cwd: packageDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) resolve(match);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) =>
      reject(new Error(`exited with ${code} before printing ${pattern}: ${out}${err}`)),
    );
  });
}

describe('mandarin-kit-emulator CLI', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('starts, prints its URL, credentials and admin API, serves, and stops on SIGTERM', async () => {
    const child = spawnCli(['--port', '0', '--time-scale', '0.01', '--client-id', 'cli-client']);
    children.push(child);
    const [, url] = await waitForOutput(
      child,
      /listening on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*send\/\{provider\}/,
    );
    const res = await fetch(`${url}/oauth/token/`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'cli-client',
        client_secret: 'emulator-client-secret',
      }),
    });
    expect(res.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  it('parses its options', () => {
    expect(parseCliArgs([]).port).toBe(4010);
    const config = parseCliArgs([
      '--port',
      '0',
      '--time-scale',
      '0.5',
      '--callback-url',
      'http://x/cb',
      '--sbp-one-step',
    ]);
    expect(config).toMatchObject({
      port: 0,
      options: { timeScale: 0.5, callbackUrl: 'http://x/cb', sbpOneStep: true },
    });
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--time-scale', '0'])).toThrow(/time-scale/);
    expect(() => parseCliArgs(['--bogus'])).toThrow();
  });
});
