/** The sandbox card that binds (and pays) on the hosted page and in the hosted fields. */
export const SUCCESS_TEST_CARD = '4111111111111111';

/** The sandbox card the emulator declines: the binding (or payment) ends `failed`. */
export const DECLINED_TEST_CARD = '4000000000000002';

/** Mandarin's own sandbox cards (payments reference; holder `CARD HOLDER`, CVV `123`), honoured too. */
export const MANDARIN_TEST_CARDS = { success: '4929509947106878', declined: '4485913187374384' } as const;

/** `4111111111111111` → `411111******1111`: the masked form card-binding callbacks carry. */
export function maskPan(pan: string): string {
  return pan.length < 10 ? pan : `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}

/** What the issuer "answers" for a card: only the declined test cards (ours and Mandarin's) are refused. */
export function issuerDecision(pan: string): 'success' | 'failed' {
  return pan === DECLINED_TEST_CARD || pan === MANDARIN_TEST_CARDS.declined ? 'failed' : 'success';
}

/** `2202202244861047` → `220220XXXXXX1047`, the way card numbers appear in callbacks. */
export function maskCardNumber(pan: string): string {
  return pan.length < 10 ? pan : `${pan.slice(0, 6)}${'X'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}
