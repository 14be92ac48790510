import { readFileSync } from 'node:fs';

/** test/golden/fixtures/rng.json, written by scripts/golden/rng.py from torch 1.13. */
 
export type Json = any;

export const fixture: { torch: string; cpuCapability: string; cases: Json } = JSON.parse(
  readFileSync(new URL('../../golden/fixtures/rng.json', import.meta.url), 'utf8'),
);
export const cases: Json = fixture.cases;

/** Number of positions whose values differ bit for bit (Object.is, so -0 and NaN count). */
export function mismatches(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Math.max(got.length, want.length);
  let bad = 0;
  for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) bad++;
  return bad;
}

/**
 * Largest relative difference. float64 normals go through libm's log/sin/cos,
 * and torch's come from glibc while ours come from V8's Math (we do not port
 * LGPL glibc code), so they may differ in the last bits: compared to 1e-14.
 */
export function maxRelativeDiff(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]) / Math.max(Math.abs(want[i]), 1e-300));
  return worst;
}

/** Same hash as rng.py's bits_hash: h = h*31 + float32 bits, mod 2^32. */
export function bitsHash(data: ArrayLike<number>): number {
  const f = new Float32Array(1);
  const u = new Uint32Array(f.buffer);
  let h = 0;
  for (let i = 0; i < data.length; i++) {
    f[0] = data[i];
    h = (Math.imul(h, 31) + u[0]) >>> 0;
  }
  return h;
}

/** Seeds are stored as decimal strings (they exceed 2^53). */
export function seedOf(s: string): bigint {
  return BigInt(s);
}
