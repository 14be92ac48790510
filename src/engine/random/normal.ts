import { EngineArgumentError } from '../errors.js';
import type { FloatArray } from '../dtype.js';
import { sincos256, log256 } from './avx-mathfun.js';
import { normalDouble } from './box-muller.js';
import { fma64, fmaVSS } from './fma.js';
import { formatCppDouble } from './format.js';
import type { Generator } from './generator.js';
const { cos, log, sin } = Math;

const fround = Math.fround;
const TWO_PI = 2 * Math.PI;
const TWO_PI_F = fround(TWO_PI);

/**
 * `Tensor.normal_(mean, std)` on CPU as the x86-64 AVX2 build runs it:
 * - fewer than 16 elements (any dtype): double Box-Muller with the generator's cached value;
 * - float32, 16 or more: `normal_fill_AVX2` (float32 Cephes log/sincos);
 * - float64, 16 or more: `normal_fill<double>` (glibc log/cos/sin there; V8 Math here, so float64 values may differ from torch in the last bit).
 * The 16-element paths never touch the cached value.
 */
export function normal_<T extends FloatArray>(data: T, mean: number, std: number, gen: Generator): T {
  if (!(std >= 0)) throw new EngineArgumentError(`normal expects std >= 0.0, but found std ${formatCppDouble(std)}`);
  const n = data.length;
  if (n < 16) {
    for (let i = 0; i < n; i++) data[i] = normalDouble(gen, mean, std);
  } else if (data instanceof Float32Array) {
    fillAvx2(data, fround(mean), fround(std), gen);
  } else {
    fillDouble(data as Float64Array, mean, std, gen);
  }
  return data;
}

/** Blocks transformed per batch: lanes of a batch go through each step together. */
const BATCH_BLOCKS = 64;
const u1s = new Float64Array(BATCH_BLOCKS * 8);
const thetas = new Float64Array(BATCH_BLOCKS * 8);
const logs = new Float64Array(BATCH_BLOCKS * 8);
const sins = new Float64Array(BATCH_BLOCKS * 8);
const coss = new Float64Array(BATCH_BLOCKS * 8);

function fillAvx2(d: Float32Array, mean: number, std: number, gen: Generator): void {
  const n = d.length;
  gen.fillFloat24(d);
  const blocks = Math.floor(n / 16);
  for (let b = 0; b < blocks; b += BATCH_BLOCKS) blocksAvx2(d, b * 16, Math.min(BATCH_BLOCKS, blocks - b), mean, std);
  if (n % 16 !== 0) {
    // torch redraws the last 16 and transforms them again, overwriting normals
    gen.fillFloat24(d, n - 16, n);
    blocksAvx2(d, n - 16, 1, mean, std);
  }
}

/** `normal_fill_16_AVX2` on `count` consecutive 16-blocks from `at`. */
function blocksAvx2(d: Float32Array, at: number, count: number, mean: number, std: number): void {
  const lanes = count * 8;
  for (let k = 0; k < count; k++) {
    const base = at + k * 16;
    for (let j = 0; j < 8; j++) {
      u1s[k * 8 + j] = fround(1 - d[base + j]);
      thetas[k * 8 + j] = fround(TWO_PI_F * d[base + 8 + j]);
    }
  }
  log256(u1s, logs, lanes);
  sincos256(thetas, sins, coss, lanes);
  for (let l = 0; l < lanes; l++) {
    const radius = fround(Math.sqrt(fround(-2 * logs[l])));
    coss[l] = fround(radius * coss[l]);
    sins[l] = fround(radius * sins[l]);
  }
  // _mm256_fmadd_ps(n, std, mean)
  fmaVSS(coss, coss, std, mean, lanes);
  fmaVSS(sins, sins, std, mean, lanes);
  for (let k = 0; k < count; k++) {
    const base = at + k * 16;
    for (let j = 0; j < 8; j++) {
      d[base + j] = coss[k * 8 + j];
      d[base + 8 + j] = sins[k * 8 + j];
    }
  }
}

function fillDouble(d: Float64Array, mean: number, std: number, gen: Generator): void {
  const n = d.length;
  gen.fillDouble53(d);
  for (let i = 0; i + 16 <= n; i += 16) block16Double(d, i, mean, std);
  if (n % 16 !== 0) {
    gen.fillDouble53(d, n - 16, n);
    block16Double(d, n - 16, mean, std);
  }
}

function block16Double(d: Float64Array, at: number, mean: number, std: number): void {
  for (let j = at; j < at + 8; j++) {
    const radius = Math.sqrt(-2 * log(1 - d[j]));
    const theta = TWO_PI * d[j + 8];
    d[j] = fma64(radius * cos(theta), std, mean);
    d[j + 8] = fma64(radius * sin(theta), std, mean);
  }
}
