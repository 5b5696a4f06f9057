import type { Context } from 'koa';

/** A role the BFF knows: customers own wallets; operators run the marketplace's payments. */
export type Role = 'customer' | 'operator';

/** Who is calling, as the host (or the default session) says. */
export interface User {
  id: string;
  roles: readonly Role[];
}

/** The host's hook: who is this request's user? Nothing means 401. */
export type ResolveUser = (ctx: Context) => User | undefined | Promise<User | undefined>;
