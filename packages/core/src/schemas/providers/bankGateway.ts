import { z } from 'zod';

/** What triggered a bank gateway callback. */
export const bankGatewayOperationSchema = z.enum([
  'deposited',
  'approved',
  'reversed',
  'refunded',
  'bindingCreated',
  'bindingActivityChanged',
  'declinedByTimeout',
  'declinedCardpresent',
]);
/** Bank gateway callback operation. */
export type BankGatewayOperation = z.infer<typeof bankGatewayOperationSchema>;

const BINDING_OPERATIONS: ReadonlySet<string> = new Set(['bindingCreated', 'bindingActivityChanged']);

/**
 * Query (GET) or form (POST) parameters of a bank gateway callback. Additional parameters are configured
 * per merchant, so unknown keys are kept (and covered by `checksum`). The seed lists `status` for payment
 * operations only, so binding callbacks may come without it.
 */
export const bankGatewayCallbackSchema = z
  .object({
    mdOrder: z.string().min(1),
    orderNumber: z.string(),
    operation: bankGatewayOperationSchema,
    /** `1` success, `0` failure. */
    status: z.enum(['0', '1']).optional(),
    /** HMAC-SHA256 over the other parameters, uppercase hex, when the gateway's checksum mode is on. */
    checksum: z.string().optional(),
  })
  .catchall(z.string())
  .superRefine((params, ctx) => {
    if (params.status === undefined && !BINDING_OPERATIONS.has(params.operation)) {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: `status is required for ${params.operation}`,
      });
    }
  });
/** Bank gateway callback parameters. */
export type BankGatewayCallback = z.infer<typeof bankGatewayCallbackSchema>;
