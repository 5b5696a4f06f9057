/** Digits of a Russian phone with the leading 8 trunk prefix turned into 7: `+7 900 123-45-67` → `79001234567`. */
export function normalizeRuPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('8') ? `7${digits.slice(1)}` : digits;
}

/** Sandbox phone that succeeds with the name given in customerInfo. */
export const PHONE_WITH_NAME = '79001234567';
/** Sandbox phone that succeeds; the bank reports the recipient as `Ivan Ivanovich Ivanov`. */
export const PHONE_IVANOV = '79007654321';
/** Name the bank "registers" for PHONE_IVANOV. */
export const IVANOV_FULL_NAME = 'Ivan Ivanovich Ivanov';

interface SbpRecipientInfo {
  phone: string;
  firstName: string;
  middleName?: string;
  lastName: string;
}

/**
 * The name the recipient's bank returns for a sandbox phone (SPEC.md), or null: any other phone has no
 * account at the bank and the payout fails.
 */
export function recipientName(customer: SbpRecipientInfo): string | null {
  const phone = normalizeRuPhone(customer.phone);
  if (phone === PHONE_IVANOV) return IVANOV_FULL_NAME;
  if (phone === PHONE_WITH_NAME) {
    return [customer.firstName, customer.middleName, customer.lastName].filter(Boolean).join(' ');
  }
  return null;
}
