import { randomUUID } from 'node:crypto';

/** A sub-merchant account linked with `POST /api/v1/accounts/business`. */
export interface BusinessAccount {
  id: string;
  type: 'Business';
  token: string;
  createdAt: string;
}

// The seed's token is a JWT (three base64url segments); anything else is "Invalid request".
const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Linked sub-merchant accounts; linking the same token twice returns the same account. */
export class AccountStore {
  readonly #byToken = new Map<string, BusinessAccount>();

  /** Links a sub-merchant by its token, or returns undefined when the token is not one. */
  link(token: string, now: string): BusinessAccount | undefined {
    if (!TOKEN.test(token)) return undefined;
    const existing = this.#byToken.get(token);
    if (existing) return existing;
    const account: BusinessAccount = { id: randomUUID(), type: 'Business', token, createdAt: now };
    this.#byToken.set(token, account);
    return account;
  }

  has(id: string): boolean {
    return this.list().some((account) => account.id === id.toLowerCase());
  }

  list(): BusinessAccount[] {
    return [...this.#byToken.values()];
  }

  reset(): void {
    this.#byToken.clear();
  }
}
