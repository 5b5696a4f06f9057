import { z } from 'zod';

/** The form body of `POST /oauth/token/` (client_credentials grant). */
export const oauthTokenRequestSchema = z.strictObject({
  grant_type: z.literal('client_credentials'),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  /** Space-separated scopes, e.g. `payment-tokens:tokens.write payment-tokens:otp.write`. */
  scope: z.string(),
});
/** OAuth token request form fields. */
export type OauthTokenRequest = z.infer<typeof oauthTokenRequestSchema>;

/** The token endpoint's answer; `expires_in` is in seconds. */
export const oauthTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.int().positive(),
  token_type: z.string().optional(),
  scope: z.string().optional(),
});
/** OAuth token response. */
export type OauthTokenResponse = z.infer<typeof oauthTokenResponseSchema>;
