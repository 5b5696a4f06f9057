import { z } from 'zod';

const optional = z.string().optional();

/**
 * A Mandarin transaction or card-binding callback (form fields, all strings). Unknown keys are kept,
 * because `sign` covers every received field, metadata keys included.
 */
export const mandarinCallbackSchema = z
  .object({
    merchantId: optional,
    orderId: optional,
    email: optional,
    orderActualTill: optional,
    /** A wire amount such as `"123.00"`; parse it with the money module, after the signature check. */
    price: optional,
    action: optional,
    customer_fullName: optional,
    customer_phone: optional,
    customer_email: optional,
    transaction: optional,
    object_type: z.enum(['transaction', 'card_binding']).optional(),
    /**
     * `success` or `failed`; anything else (or nothing) is stored and acknowledged but changes nothing, so an
     * unexpected word from Mandarin is never read as a failure nor refused into endless re-sends.
     */
    status: optional,
    payment_system: optional,
    sandbox: optional,
    cb_processed_at: optional,
    card_number: optional,
    gw_channel: optional,
    gw_id: optional,
    sign: z.string().min(1, 'sign is required'),
    cs2: optional,
    cs3: optional,
    cs4: optional,
    cs5: optional,
    cs6: optional,
    cs7: optional,
    cs8: optional,
    cs9: optional,
    card_binding: optional,
    card_holder: optional,
    card_expiration_year: optional,
    card_expiration_month: optional,
    /**
     * Why a transaction failed (`"Insufficient funds"`, …), on `status=failed` only. *Assumption*: the
     * emulator sends it; Mandarin's public docs list no reason field.
     */
    error: optional,
  })
  .catchall(z.string());
/** Mandarin callback fields. */
export type MandarinCallback = z.infer<typeof mandarinCallbackSchema>;
