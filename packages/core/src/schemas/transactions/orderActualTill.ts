import { z } from 'zod';
import { daysInMonth } from '../../kyc/isoDate.js';

const ORDER_ACTUAL_TILL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})[+-](\d{2}):(\d{2})$/;

/** True for Mandarin's order deadline format `2020-02-20 12:34:56+00:00` naming a real instant. */
export function isOrderActualTill(s: string): boolean {
  const m = ORDER_ACTUAL_TILL.exec(s);
  if (!m) return false;
  const part = (i: number) => Number(m[i]);
  const year = part(1);
  const month = part(2);
  const day = part(3);
  return (
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    part(4) <= 23 &&
    part(5) <= 59 &&
    part(6) <= 59 &&
    part(7) <= 14 &&
    part(8) <= 59
  );
}

/** Until when a payment page is valid: `2020-02-20 12:34:56+00:00` (default lifetime 48 h). */
export const orderActualTillSchema = z
  .string()
  .refine(isOrderActualTill, 'orderActualTill must look like 2020-02-20 12:34:56+00:00');
/** An order deadline in Mandarin's format. */
export type OrderActualTill = z.infer<typeof orderActualTillSchema>;
