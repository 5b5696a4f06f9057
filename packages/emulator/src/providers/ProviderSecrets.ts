import type { Clock } from '../clock/Clock.js';

/** Secrets the emulator signs the other providers' callbacks with; the BFF must be given the same. */
export interface ProviderSecrets {
  /** bank-gateway `checksum` HMAC-SHA256 key (utf-8). */
  gatewaySecret: string;
  /** widget `Content-HMAC` key (the API secret, utf-8). */
  widgetSecret: string;
  /** processing `X-Processing-Key` (public key). */
  processingPublicKey: string;
  /** processing HMAC-SHA512 secret, base64 (decoded before use, as the provider specifies). */
  processingSecret: string;
}

/** What a provider's callback plan reads: the emulated clock and the secrets it signs with. */
export interface ProviderPlanDeps {
  clock: Clock;
  options: { providers: ProviderSecrets };
}
