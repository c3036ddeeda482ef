/** Lockout policy for repeated wrong passwords (OWASP ASVS 2.2.1: limit failed attempts). */
export const lockoutPolicy = { maxFailures: 5, lockMinutes: 15 } as const;

export interface LoginAttemptState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LoginAttemptState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/** State after one more wrong password: locks the account when the limit is reached. */
export function afterFailure(state: LoginAttemptState, now: Date): LoginAttemptState {
  const failures = state.failedLogins + 1;
  if (failures >= lockoutPolicy.maxFailures) {
    return {
      failedLogins: 0,
      lockedUntil: new Date(now.getTime() + lockoutPolicy.lockMinutes * 60_000),
    };
  }
  return { failedLogins: failures, lockedUntil: null };
}
