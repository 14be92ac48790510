import { EngineArgumentError } from '../errors.js';

const TWO_64 = 1n << 64n;
const MIN_INT64 = -(1n << 63n);

/** torch.Generator()'s seed (`default_rng_seed_val`). */
export const DEFAULT_SEED = 67280421310721n;

/**
 * The uint64 a seed becomes in `manual_seed`: a number is truncated like
 * `torch.manual_seed`'s `int(seed)`; values in [2^63, 2^64) stay unsigned and
 * negative ones down to -2^63 wrap mod 2^64 (torch tries uint64 first, then int64).
 */
export function toSeed64(seed: number | bigint): bigint {
  let s: bigint;
  if (typeof seed === 'bigint') s = seed;
  else if (Number.isNaN(seed)) throw new EngineArgumentError('cannot convert float NaN to integer', 'INVALID_SEED');
  else if (!Number.isFinite(seed))
    throw new EngineArgumentError('cannot convert float infinity to integer', 'INVALID_SEED');
  else s = BigInt(Math.trunc(seed));
  if (s < MIN_INT64 || s >= TWO_64) throw new EngineArgumentError('Overflow when unpacking long', 'INVALID_SEED');
  return s < 0n ? s + TWO_64 : s;
}

/** The low 32 bits, the only part of the seed that reaches MT19937. */
export function low32(seed64: bigint): number {
  return Number(seed64 & 0xffffffffn);
}
