/** Source of the current time; tests pass their own to move time forward. */
export interface Clock {
  now(): Date;
  /** The same instant in milliseconds since the epoch (no Date built: for checks on every request). */
  ms(): number;
}

export const systemClock: Clock = { now: () => new Date(), ms: Date.now };

export const iso = (d: Date): string => d.toISOString();
export const addMs = (d: Date, ms: number): Date => new Date(d.getTime() + ms);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
