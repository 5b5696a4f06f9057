import { z } from 'zod';

/** Body of `POST /api/v1/accounts/business`: links a sub-merchant by the token from its personal account. */
export const businessAccountCreateRequestSchema = z.strictObject({
  token: z.string().min(1),
  accountType: z.literal('business').optional(),
});
/** Sub-merchant account creation request. */
export type BusinessAccountCreateRequest = z.infer<typeof businessAccountCreateRequestSchema>;

/** The created sub-merchant account; `id` is what `routing.destination[].accountId` carries. */
export const businessAccountCreateResponseSchema = z.object({
  id: z.string().min(1),
  type: z.string(),
});
/** Sub-merchant account creation response. */
export type BusinessAccountCreateResponse = z.infer<typeof businessAccountCreateResponseSchema>;
