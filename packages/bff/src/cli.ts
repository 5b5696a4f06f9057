#!/usr/bin/env node
import { bffEnvSchema, readBffEnv } from './config/env.js';
import { bffVersion } from './ops/Ops.js';
import { startBff } from './startBff.js';

// `mandarin-kit-bff`: configuration from environment variables, validated before anything starts.
const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  console.log(bffVersion);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h')) {
  console.log(help());
  process.exit(0);
}
if (args.length > 0) {
  console.error(`mandarin-kit-bff: unknown argument ${args[0]}\n\n${help()}`);
  process.exit(2);
}
let env: ReturnType<typeof readBffEnv>;
try {
  env = readBffEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
let running: Awaited<ReturnType<typeof startBff>>;
try {
  running = await startBff(env);
} catch (error) {
  // A store that can't be opened or options createBff refuses: the message says which, without a stack.
  console.error((error as Error).message);
  process.exit(1);
}
console.log(`mandarin-kit-bff listening on ${running.url}`);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A second signal: the operator does not want to wait for the graceful shutdown.
    if (stopping) process.exit(1);
    stopping = true;
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

function help(): string {
  const variables = Object.entries(bffEnvSchema.shape).map(([name, schema]) => {
    const required = !(schema as { safeParse(v: unknown): { success: boolean } }).safeParse(undefined)
      .success;
    return `  ${name}${required ? ' (required)' : ''}`;
  });
  return [
    `mandarin-kit-bff ${bffVersion}: the Mandarin Kit backend-for-frontend as a standalone server.`,
    '',
    'Usage: mandarin-kit-bff [--help | --version]',
    '',
    'Configured by environment variables (see the README of @mandarin-kit/bff for each one):',
    ...variables,
    '',
    'SIGTERM or SIGINT shuts down gracefully (not ready at once, requests in flight finished, event streams',
    'told to reconnect elsewhere); a second signal exits at once.',
  ].join('\n');
}
