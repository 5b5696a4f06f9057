import { useEffect, useState } from 'react';

/** The demo server's sandbox helpers (never part of a real integration). */
async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status}`);
  return (await response.json()) as T;
}

export const sandbox = {
  /** The code the emulator "sent by SMS". */
  otpCode: (walletId: string) => call<{ code: string }>('GET', `/demo/sandbox/otp/${walletId}`),
  /** Where the emulator (Mandarin's stand-in, with its hosted card fields) answers. */
  config: () => call<{ emulatorUrl: string }>('GET', '/demo/sandbox/config'),
  /** Makes the emulator send another provider's callback to the relay; returns the relay's reply. */
  send: (provider: string, type?: string) =>
    call<{
      provider: string;
      state: string;
      status: number | null;
      reply: string;
      decisionCode: number | null;
    }>('POST', `/demo/sandbox/send/${provider}`, type === undefined ? {} : { type }),
};

/** Sub-merchant tokens the emulator accepts (personal-account tokens in real life). */
export const sandboxSubMerchantTokens = [
  'eyJhbGciOiJIUzI1NiJ9.eyJtZXJjaGFudF9pZCI6MX0.books-and-more',
  'eyJhbGciOiJIUzI1NiJ9.eyJtZXJjaGFudF9pZCI6Mn0.coffee-roasters',
];

/** The sandbox configuration, once loaded. */
export function useSandboxConfig(): { emulatorUrl: string } | null {
  const [config, setConfig] = useState<{ emulatorUrl: string } | null>(null);
  useEffect(() => {
    void sandbox.config().then(setConfig);
  }, []);
  return config;
}
