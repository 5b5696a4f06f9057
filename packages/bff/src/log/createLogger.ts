import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Keys whose values never reach a log line: credentials, tokens, cookies and the personal data of the KYC
 * form and payouts. Request and response bodies are never logged in the first place; this is the second
 * line of defence for anything that slips into a log object.
 */
export const REDACTED_KEYS = [
  'client_secret',
  'clientSecret',
  'secret',
  'access_token',
  'accessToken',
  'authorization',
  'cookie',
  'set-cookie',
  'x-auth',
  'password',
  'sign',
  'checksum',
  'first_name',
  'last_name',
  'middle_name',
  'firstName',
  'lastName',
  'middleName',
  'birth_date',
  'document',
  'serial',
  'inn',
  'snils',
  'phone',
  'phones',
  'email',
  'cardNumber',
  'card_number',
  'knownCardNumber',
  'customerInfo',
  'customer',
  'registration_address',
  'living_address',
];

/** The BFF's structured logger (pino) with every sensitive key redacted at any of the first three levels. */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const paths = REDACTED_KEYS.flatMap((key) => {
    const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    const dot = k.startsWith('[') ? '' : '.';
    return [k, `*${dot}${k}`, `*.*${dot}${k}`];
  });
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths, censor: '[redacted]' },
      base: { service: 'mandarin-kit-bff' },
    },
    options.destination,
  );
}
