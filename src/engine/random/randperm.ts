import { EngineArgumentError } from '../errors.js';
import type { Generator } from './generator.js';

/**
 * CPU `torch.randperm(n)`: Fisher-Yates over 0..n-1 with one uint32 draw per
 * step, `z = random() % (n - i)`, swapping positions i and i + z.
 */
export function randperm(n: number, gen: Generator): Int32Array {
  if (!Number.isInteger(n)) throw new EngineArgumentError(`randperm expects an integer n, got ${n}`);
  if (n < 0) throw new EngineArgumentError(`Trying to create tensor with negative dimension ${n}: [${n}]`);
  if (n > 0x7fffffff) throw new EngineArgumentError(`randperm of ${n} elements does not fit int32 indices`);
  const r = new Int32Array(n);
  for (let i = 0; i < n; i++) r[i] = i;
  for (let i = 0; i < n - 1; i++) {
    const j = i + (gen.random() % (n - i));
    const t = r[i];
    r[i] = r[j];
    r[j] = t;
  }
  return r;
}
