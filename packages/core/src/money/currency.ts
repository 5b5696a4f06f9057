/** ISO 4217 codes the kit can carry. Mandarin only speaks RUB today; the type keeps room for more. */
export type Currency = 'RUB';

/** Minor units per major unit, per currency: every supported currency has two decimals. */
export const MINOR_DIGITS: Readonly<Record<Currency, 2>> = { RUB: 2 };

/** An exact amount in minor units tagged with its currency. */
export interface Money<C extends Currency = Currency> {
  readonly amount: bigint;
  readonly currency: C;
}
