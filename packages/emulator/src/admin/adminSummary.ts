/** The admin API in one table: printed by the CLI and served at `GET /__emulator`. */
export const ADMIN_ROUTES: ReadonlyArray<readonly [string, string]> = [
  ['GET  /__emulator/stats', 'token requests and requests per route'],
  ['POST /__emulator/reset', 'forget all state, cancel all timers'],
  ['GET|POST /__emulator/config', 'read or change callbackUrl, webhookUrl, publicUrl'],
  ['GET|POST /__emulator/clock', 'read or advance the emulated clock {advanceSeconds}'],
  ['POST /__emulator/tokens/expire', 'expire every issued access token'],
  ['GET|POST|DELETE /__emulator/faults', 'inject {route, kind, count, delayMs?, status?}'],
  ['GET  /__emulator/esp[/{id}]', 'ESPs and their state'],
  ['GET  /__emulator/esp/{id}/otp', 'the last OTP code sent'],
  ['POST /__emulator/esp/{id}/status', 'force {status}: Blocked, Suspended, Success, Failed'],
  ['GET  /__emulator/wallets[/{espId}]', 'balances and monthly turnover'],
  ['POST /__emulator/wallets/{espId}/balance', 'set {balance} in minor units'],
  ['GET  /__emulator/transactions[/{id}]', 'transactions and their state'],
  ['POST /__emulator/transactions/{id}/complete', 'finish now {status: success|failed}'],
  ['GET  /__emulator/accounts', 'linked sub-merchant accounts'],
  ['GET  /__emulator/callbacks[/{id}]', 'every callback and webhook with its attempts (?channel=&subject=)'],
  ['POST /__emulator/send/{provider}', 'send a transfers|gateway|widget|processing callback {url, ...}'],
];
