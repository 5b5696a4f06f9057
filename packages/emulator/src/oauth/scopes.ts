/**
 * Every scope the emulator knows. The `payment-tokens:*` and `secure_heartbeat_notifications.write`
 * scopes are Mandarin's; the others are the emulator's own names for routes whose scope Mandarin does not
 * document (see README).
 */
export const SCOPES = {
  tokensWrite: 'payment-tokens:tokens.write',
  tokensRead: 'payment-tokens:tokens.read',
  otpWrite: 'payment-tokens:otp.write',
  transactionsWrite: 'transactions.write',
  transactionsRead: 'transactions.read',
  accountsWrite: 'accounts.write',
  notificationsWrite: 'secure_heartbeat_notifications.write',
  cardBindingsWrite: 'card-bindings.write',
  cardBindingsRead: 'card-bindings.read',
} as const;

/** A scope the emulator can grant. */
export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

/** All known scopes, in a stable order (the order tokens list them in). */
export const ALL_SCOPES: readonly Scope[] = Object.values(SCOPES);
