/** Retry schedule of Mandarin transaction callbacks and ESP webhooks (seconds before retry n). */
export interface RetrySchedule {
  intervalsSeconds: number[];
  /** Total attempts, the first included; the last interval repeats when the list is shorter. */
  maxAttempts: number;
}

/**
 * Turns a schedule into `retryDelaySeconds`: interval n waits before retry n, the last interval repeats,
 * and nothing is retried once `maxAttempts` attempts have been made.
 */
export function scheduleDelays(schedule: RetrySchedule): (failedAttempts: number) => number | null {
  return (failedAttempts) => {
    if (failedAttempts >= schedule.maxAttempts || schedule.intervalsSeconds.length === 0) return null;
    const index = Math.min(failedAttempts - 1, schedule.intervalsSeconds.length - 1);
    return schedule.intervalsSeconds[Math.max(0, index)]!;
  };
}
