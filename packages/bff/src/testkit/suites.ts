import { afterAll, beforeAll } from 'vitest';
import { onboardWallet } from './flows.js';
import type { HttpClient } from './HttpClient.js';
import { type Stack, startStack } from './startStack.js';

// Hooks for a test file (or the enclosing describe). What they return stands for what the hooks start: use it
// inside hooks and tests. A file's own hooks go after the call: its beforeAll then runs after these, its
// afterAll before.

/** Starts a stack before the tests and closes it after them. */
export function stackSuite(options?: Parameters<typeof startStack>[0]): Stack {
  let running: Stack | undefined;
  beforeAll(async () => {
    running = await startStack(options);
  });
  afterAll(() => running?.close());
  return live(() => running);
}

/** `stackSuite` plus a user, `owner`, whose wallet (`wallet.id`) is open and holds `balance` minor units. */
export function walletSuite(balance: bigint): { stack: Stack; owner: HttpClient; wallet: { id: string } } {
  const stack = stackSuite();
  let owner: HttpClient | undefined;
  const wallet = { id: '' };
  beforeAll(async () => {
    owner = stack.client();
    wallet.id = await onboardWallet(stack, owner, balance);
  });
  return { stack, owner: live(() => owner), wallet };
}

/** An object that forwards every read and write to what `current` returns at that moment. */
export function live<T extends object>(current: () => T | undefined): T {
  const target = () => current() ?? raise('the suite is used before its beforeAll hook ran');
  return new Proxy({} as T, {
    get: (_, k) => Reflect.get(target(), k),
    set: (_, k, v) => Reflect.set(target(), k, v),
  });
}

function raise(message: string): never {
  throw new Error(message);
}
