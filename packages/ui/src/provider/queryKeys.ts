/** React Query keys of the kit; every one starts with `'mandarin-kit'` so a host can tell them apart. */
export const queryKeys = {
  all: ['mandarin-kit'] as const,
  wallets: () => ['mandarin-kit', 'wallets'] as const,
  wallet: (walletId: string) => ['mandarin-kit', 'wallet', walletId] as const,
  balance: (walletId: string) => ['mandarin-kit', 'wallet', walletId, 'balance'] as const,
  operations: (walletId: string) => ['mandarin-kit', 'wallet', walletId, 'operations'] as const,
  operation: (operationId: string) => ['mandarin-kit', 'operation', operationId] as const,
  sbpRecipient: (operationId: string) => ['mandarin-kit', 'operation', operationId, 'sbp-recipient'] as const,
  sbpBanks: (query: string) => ['mandarin-kit', 'sbp-banks', query] as const,
  payments: () => ['mandarin-kit', 'payments'] as const,
  payment: (paymentId: string) => ['mandarin-kit', 'payment', paymentId] as const,
  cards: () => ['mandarin-kit', 'cards'] as const,
  subMerchants: () => ['mandarin-kit', 'sub-merchants'] as const,
};
