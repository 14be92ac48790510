import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A JSON number, or a non-finite float as common.py writes it. */
export type JsonFloat = number | 'NaN' | 'Infinity' | '-Infinity';

export interface ReprCase {
  name: string;
  dtype: 'float32' | 'float64';
  shape: number[];
  data: JsonFloat[];
  gradFn: string | null;
  requiresGrad: boolean;
  parameter: boolean;
  repr: string;
}

export interface PyFloatCase {
  v: JsonFloat;
  /** format(v, '.{p}f') for p = 0..6 */
  f: string[];
  /** format(v, '.{p}e') for p = 0..6 */
  e: string[];
}

interface ReprFixture {
  torch: string;
  cases: { repr: ReprCase[]; pyfloat: PyFloatCase[] };
}

const path = fileURLToPath(new URL('../../golden/fixtures/repr.json', import.meta.url));
export const fixture = JSON.parse(readFileSync(path, 'utf8')) as ReprFixture;

export function toNumber(v: JsonFloat): number {
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return v;
}

/** Rebuilds the tensor's storage bit-exactly (float32 values go through Math.fround). */
export function storage(c: ReprCase): Float32Array | Float64Array {
  const values = c.data.map(toNumber);
  return c.dtype === 'float64' ? Float64Array.from(values) : Float32Array.from(values, Math.fround);
}
