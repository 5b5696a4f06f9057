import { migrations } from '../store/migrations.js';
import type { Store } from '../store/Store.js';

/** How long one readiness probe waits for the store or Mandarin before calling the check failed. */
const CHECK_TIMEOUT_MS = 2000;

/** One check's state: `ok`, or what is wrong, in a word. */
export interface ReadinessChecks {
  store: 'ok' | 'failing';
  migrations: 'ok' | 'pending' | 'unknown';
  mandarin: 'ok' | 'not_reached';
  shutdown: 'ok' | 'shutting_down';
}

/** Whether this instance should get traffic, and which checks say no. */
export interface Readiness {
  ready: boolean;
  failing: Array<keyof ReadinessChecks>;
  /** While shutting down, only `shutdown`: the store may be closing and is not asked. */
  checks: Partial<ReadinessChecks>;
}

/** What readiness looks at. */
export interface ReadinessSources {
  store: Store;
  /** Whether Mandarin's token endpoint has given a token at least once. */
  mandarinReached: () => boolean;
  /** Asks for a token now (single flight with every other caller). */
  reachMandarin: () => Promise<void>;
}

/**
 * Ready: the store answers, every migration this version knows is applied, Mandarin's token endpoint gave a
 * token at least once, and shutdown has not begun. Until Mandarin was reached, each probe tries (briefly).
 * Nothing here names hosts, versions or settings: only which check fails.
 */
export function readinessProbe(sources: ReadinessSources): (draining: boolean) => Promise<Readiness> {
  const latest = Math.max(...migrations.map((m) => m.version));
  return async (draining) => {
    if (draining) return { ready: false, failing: ['shutdown'], checks: { shutdown: 'shutting_down' } };
    const [store, mandarin] = await Promise.all([
      within(sources.store.driver.all('SELECT MAX(version) AS version FROM schema_migrations')).then(
        (rows) => ({ store: 'ok' as const, applied: Number(rows[0]?.version ?? 0) }),
        () => ({ store: 'failing' as const, applied: undefined }),
      ),
      sources.mandarinReached()
        ? true
        : within(sources.reachMandarin()).then(
            () => true,
            () => sources.mandarinReached(),
          ),
    ]);
    const checks: ReadinessChecks = {
      store: store.store,
      migrations: store.applied === undefined ? 'unknown' : store.applied >= latest ? 'ok' : 'pending',
      mandarin: mandarin ? 'ok' : 'not_reached',
      shutdown: 'ok',
    };
    const failing = (Object.keys(checks) as Array<keyof ReadinessChecks>).filter((k) => checks[k] !== 'ok');
    return { ready: failing.length === 0, failing, checks };
  };
}

function within<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
