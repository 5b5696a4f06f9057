import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A helper server in its own process, so load generator and servers don't share one event loop. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `bench/servers/<name>.ts` with tsx against workspace sources and waits for the URL it prints. */
export function startServer(name: string, args: string[] = []): Promise<ServerProcess> {
  const script = fileURLToPath(new URL(`./servers/${name}.ts`, import.meta.url));
  const child = spawn(
    process.execPath,
    ['--conditions=@mandarin-kit/source', '--import', 'tsx', script, ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line === undefined) return;
      child.removeAllListeners('exit');
      resolve({
        url: (JSON.parse(line) as { url: string }).url,
        child,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
