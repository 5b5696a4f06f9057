export { allocate } from './allocate.js';
export { compareAmounts, minAmount, sumAmounts } from './arithmetic.js';
export type { Money } from './currency.js';
export { MINOR_DIGITS } from './currency.js';
export { formatAmount } from './formatAmount.js';
export type { FormatMoneyOptions } from './formatMoney.js';
export { formatMoney } from './formatMoney.js';
export { fromMinorUnits } from './fromMinorUnits.js';
export type { MoneyErrorCode } from './MoneyError.js';
export { MoneyError } from './MoneyError.js';
export {
  fitsMinorUnits,
  isWireAmount,
  MAX_AMOUNT_DIGITS,
  MAX_MINOR_UNITS,
  parseAmount,
} from './parseAmount.js';
