/** Time source, injectable so expiry can be tested without sleeping. */
export interface Clock {
  now(): number; // ms since epoch
}

export const systemClock: Clock = { now: () => Date.now() };
