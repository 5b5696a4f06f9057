/**
 * `@mandarin-kit/bff/testkit`: the emulator and a BFF on loopback, for a merchant's own integration tests over
 * real HTTP. Not part of the main entry; it needs `@mandarin-kit/emulator` (an optional peer dependency) and
 * one store driver (`better-sqlite3` by default).
 *
 * ```ts
 * import { onboardWallet, startStack } from '@mandarin-kit/bff/testkit';
 *
 * const stack = await startStack();
 * const browser = stack.client(); // a new anonymous user with its own cookie jar
 * const walletId = await onboardWallet(stack, browser, 10_000n); // KYC, SMS code, 100.00 ₽
 * await stack.close();
 * ```
 */

export { ContractViolation, checkContract } from './checkContract.js';
export { bindCard, bindOnHostedPage, decideOnHostedPage, onboardWallet, waitFor } from './flows.js';
export { HttpClient, type Reply } from './HttpClient.js';
export { openSse, type SseConnection } from './sse.js';
export {
  ESP_TOKEN,
  type Stack,
  stackMandarin,
  startStack,
  TEST_LIMITS,
  TRANSFERS_TOKEN,
} from './startStack.js';
