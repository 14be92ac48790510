import { EngineArgumentError } from '../errors.js';
import type { FloatArray } from '../dtype.js';
import { fma64, fmaVSS } from './fma.js';
import { formatCppDouble as g } from './format.js';
import type { Generator } from './generator.js';

const FLOAT_MAX = 3.4028234663852886e38;

/** `uniform_impl_`'s argument checks, with ATen's messages and `%g` numbers. */
export function checkUniformBounds(data: FloatArray, from: number, to: number): void {
  const isDouble = data instanceof Float64Array;
  const max = isDouble ? Number.MAX_VALUE : FLOAT_MAX;
  const dtype = isDouble ? 'double' : 'float';
  if (!(from >= -max && from <= max)) throw new EngineArgumentError(`from is out of bounds for ${dtype}`);
  if (!(to >= -max && to <= max)) throw new EngineArgumentError(`to is out of bounds for ${dtype}`);
  if (!(from <= to))
    throw new EngineArgumentError(
      `uniform_ expects to return a [from, to) range, but found from=${g(from)} > to=${g(to)}`,
    );
  if (!(to - from <= max))
    throw new EngineArgumentError(
      `uniform_ expects to-from <= std::numeric_limits<${isDouble ? 'Double' : 'Float'}>::max(), ` +
        `but found to=${g(to)} and from=${g(from)} which result in to-from to exceed the limit`,
    );
}

/**
 * `Tensor.uniform_(from, to)` on CPU, in element order. float32: one draw per
 * element, `fma(x24, to - from, from)` in float (the AVX2 build contracts the
 * multiply-add; the span itself is a float subtraction). float64: two draws
 * per element, `fma(x53, to - from, from)` in double.
 */
export function uniform_<T extends FloatArray>(data: T, from: number, to: number, gen: Generator): T {
  checkUniformBounds(data, from, to);
  const n = data.length;
  if (data instanceof Float64Array) {
    gen.fillDouble53(data);
    const span = to - from;
    if (from === 0) for (let i = 0; i < n; i++) data[i] *= span;
    else for (let i = 0; i < n; i++) data[i] = fma64(data[i], span, from);
    return data;
  }
  gen.fillFloat24(data);
  const lo = Math.fround(from);
  const span = Math.fround(Math.fround(to) - lo);
  // fma(x, span, 0) is the plain product; rand() (span 1) needs no pass at all
  if (lo !== 0) fmaVSS(data, data, span, lo, n);
  else if (span !== 1) for (let i = 0; i < n; i++) data[i] *= span;
  return data;
}
