/**
 * The emulator's idea of "now". Expiry checks (tokens, OTP codes, monthly limits) and every timestamp it
 * reports read this clock, so that tests can jump forward in time (`POST /__emulator/clock`) instead of
 * waiting. Timers are not affected by the offset: they run in real time, scaled by `timeScale`.
 */
export class Clock {
  #offsetMs = 0;

  /** Milliseconds since the epoch, including any offset added by `advance`. */
  now(): number {
    return Date.now() + this.#offsetMs;
  }

  /** The current emulated time as an ISO 8601 string (UTC). */
  iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Moves the emulated time forward (never backwards: expiry must stay monotonic). */
  advance(ms: number): void {
    if (ms > 0) this.#offsetMs += ms;
  }

  /** How far the emulated time is ahead of the real one. */
  get offsetMs(): number {
    return this.#offsetMs;
  }

  reset(): void {
    this.#offsetMs = 0;
  }
}
