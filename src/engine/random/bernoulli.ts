import { EngineArgumentError } from '../errors.js';
import type { FloatArray } from '../dtype.js';
import { formatCppDouble, formatPythonFloat } from './format.js';
import type { Generator } from './generator.js';

const CHUNK = 4096;
const uniforms = new Float64Array(CHUNK);

/**
 * `Tensor.bernoulli_(p)` with a float p, as Debian's torch 1.13 (built without
 * MKL) runs it: `bernoulli_distribution<double>`, i.e. 1 when a 53-bit double
 * uniform (two draws) is below p, in element order.
 */
export function bernoulli_<T extends FloatArray>(data: T, p: number, gen: Generator): T {
  if (!(p >= 0 && p <= 1))
    throw new EngineArgumentError(`bernoulli_ expects p to be in [0, 1], but got p=${formatCppDouble(p)}`);
  const n = data.length;
  for (let start = 0; start < n; start += CHUNK) {
    const m = Math.min(CHUNK, n - start);
    gen.fillDouble53(uniforms, 0, m);
    for (let k = 0; k < m; k++) data[start + k] = uniforms[k] < p ? 1 : 0;
  }
  return data;
}

/**
 * The noise tensor of CPU `F.dropout(x, p, training=True)` (ATen `_dropout_impl`):
 * `bernoulli_(1 - p)` then `div_(1 - p)`, so kept elements hold `1 / (1 - p)`
 * computed in the tensor's dtype (float32: `fround(1 / fround(1 - p))`). The
 * output is `x * noise`, one rounding, not `x * mask / (1 - p)`. p = 0 gives
 * ones and p = 1 zeros without drawing, as torch returns `x` or `x * 0`.
 */
export function dropoutNoise_<T extends FloatArray>(data: T, p: number, gen: Generator): T {
  if (!(p >= 0 && p <= 1))
    throw new EngineArgumentError(
      `dropout probability has to be between 0 and 1, but got ${formatPythonFloat(p)}`,
    );
  if (p === 0 || p === 1) return data.fill(p === 0 ? 1 : 0) as T;
  const q = 1 - p;
  bernoulli_(data, q, gen);
  const scale = data instanceof Float64Array ? 1 / q : Math.fround(1 / Math.fround(q));
  for (let i = 0; i < data.length; i++) if (data[i] !== 0) data[i] = scale;
  return data;
}
