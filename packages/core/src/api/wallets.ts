import { z } from 'zod';
import { espStatusValueSchema } from '../schemas/espStatus.js';
import { moneyViewSchema, uuidSchema } from './common.js';

/** A wallet (ESP) as its owner sees it; timestamps are ISO strings or null until reached. */
export const walletViewSchema = z.object({
  id: uuidSchema,
  status: espStatusValueSchema,
  createdAt: z.string(),
  processedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
/** A wallet (ESP) as its owner sees it. */
export type WalletView = z.infer<typeof walletViewSchema>;

/** The wallets of the signed-in user, newest first. */
export const walletListViewSchema = z.object({ wallets: z.array(walletViewSchema) });
/** The wallets of the signed-in user. */
export type WalletListView = z.infer<typeof walletListViewSchema>;

/** After an SMS code was sent: where to (masked), until when, and how many tries remain. */
export const otpSentViewSchema = z.object({
  phoneMasked: z.string(),
  expiresAt: z.string(),
  retriesLeft: z.number().int().nonnegative(),
});
/** After an SMS code was sent. */
export type OtpSentView = z.infer<typeof otpSentViewSchema>;

/** Whether the code matched, and how many tries remain. */
export const otpVerifiedViewSchema = z.object({
  verified: z.boolean(),
  retriesLeft: z.number().int().nonnegative(),
});
/** Whether the code matched. */
export type OtpVerifiedView = z.infer<typeof otpVerifiedViewSchema>;

/** A wallet balance, exact. */
export const balanceViewSchema = z.object({
  walletId: uuidSchema,
  balance: moneyViewSchema,
  status: espStatusValueSchema,
});
/** A wallet balance, exact. */
export type BalanceView = z.infer<typeof balanceViewSchema>;
