import { z } from 'zod';

/** An SBP participant id: 12 digits. */
export const sbpBankIdSchema = z.string().regex(/^\d{12}$/, 'bankId must be 12 digits');
/** A Russian bank identification code: 9 digits. */
export const sbpBankBicSchema = z.string().regex(/^\d{9}$/, 'bankBic must be 9 digits');

/** One bank of the SBP directory (`GET /api/sbp/banks/`). */
export const sbpBankSchema = z.object({
  bankId: sbpBankIdSchema,
  bankName: z.string(),
  bankBic: sbpBankBicSchema,
});
/** An SBP bank. */
export type SbpBank = z.infer<typeof sbpBankSchema>;

/** Answer of `GET /api/sbp/banks/?bankName=…`. */
export const sbpBanksResponseSchema = z.object({ banks: z.array(sbpBankSchema) });
/** SBP bank directory. */
export type SbpBanksResponse = z.infer<typeof sbpBanksResponseSchema>;

/** Where a two-step SBP payout stands. */
export const sbpRecipientStatusSchema = z.enum(['pending', 'confirmed', 'rejected', 'success', 'failed']);
/** Status of a two-step SBP payout. */
export type SbpRecipientStatus = z.infer<typeof sbpRecipientStatusSchema>;

/**
 * Answer of `POST /api/sbp/{id}/status`: the recipient's full name as registered at the bank.
 * Assumption: the seed documents the call but not its body; this shape is the kit's own (emulator and BFF
 * both use it). `fullName` is null until the bank has answered or when it has no name.
 */
export const sbpRecipientResponseSchema = z.object({
  id: z.string().min(1),
  status: sbpRecipientStatusSchema,
  fullName: z.string().nullable(),
});
/** SBP recipient check answer (assumed shape). */
export type SbpRecipientResponse = z.infer<typeof sbpRecipientResponseSchema>;
