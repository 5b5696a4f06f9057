/** Called with the error of a scheduled task, which must never crash the process. */
export type TaskErrorHandler = (error: unknown) => void;

/**
 * Every delay and retry interval of the emulator goes through here, so that `timeScale` shortens all of
 * them at once and `cancelAll()` leaves no timer behind (a dangling timer keeps a test worker alive).
 */
export class Scheduler {
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #wakers = new Set<() => void>();

  constructor(
    readonly timeScale: number,
    private readonly onError: TaskErrorHandler = () => {},
  ) {}

  /** Real milliseconds for a nominal delay in seconds. */
  scaledMs(seconds: number): number {
    return Math.max(0, Math.round(seconds * 1000 * this.timeScale));
  }

  /** Runs `task` after `seconds` (scaled). Returns a function that cancels it. */
  after(seconds: number, task: () => unknown): () => void {
    return this.#schedule(this.scaledMs(seconds), task);
  }

  /**
   * Resolves `true` after `seconds` (scaled), or `false` as soon as `cancelAll()` runs, so that retry
   * loops written with `await` end instead of hanging.
   */
  sleep(seconds: number): Promise<boolean> {
    return this.sleepMs(this.scaledMs(seconds));
  }

  /** Like `sleep` but in real, unscaled milliseconds (fault injection states its delays exactly). */
  sleepMs(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const wake = () => {
        this.#wakers.delete(wake);
        resolve(false);
      };
      this.#wakers.add(wake);
      this.#schedule(ms, () => {
        this.#wakers.delete(wake);
        resolve(true);
      });
    });
  }

  /** Cancels every pending timer and wakes every sleeper with `false`. */
  cancelAll(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const wake of [...this.#wakers]) wake();
  }

  /** Pending timers, for tests and the admin summary. */
  get pending(): number {
    return this.#timers.size;
  }

  #schedule(ms: number, task: () => unknown): () => void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      try {
        const result = task();
        if (result instanceof Promise) result.catch(this.onError);
      } catch (error) {
        this.onError(error);
      }
    }, ms);
    this.#timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.#timers.delete(timer);
    };
  }
}
