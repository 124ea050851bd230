import type { Clock } from '../src/platform/clock.ts';

/** A clock tests move by hand. */
export class TestClock implements Clock {
  private t: number;
  constructor(start = Date.now()) {
    this.t = start;
  }
  now(): Date {
    return new Date(this.t);
  }
  ms(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
