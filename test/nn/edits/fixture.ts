import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Tensor, type NestedNumbers } from '../../../src/engine/index.js';

/** A JSON number, or a non-finite float as common.py writes it. */
type JsonFloat = number | 'NaN' | 'Infinity' | '-Infinity';

export interface TensorJson {
  shape: number[];
  data: JsonFloat[];
}

type JsonNested = JsonFloat | JsonNested[];
export type JsonValue = JsonNested | { dtype: 'float32' | 'float64'; shape: number[]; data: JsonFloat[] };

export interface RegionCase {
  base: string;
  index: string;
  shape: number[];
  offsets: number[];
}

export interface IndexErrorCase {
  base: string;
  index: string;
  error: string;
}

export interface EditCase {
  base: string;
  index: string;
  op: 'set' | 'add' | 'sub' | 'mul' | 'div';
  value: JsonValue;
  result?: TensorJson;
  error?: string;
}

interface EditsFixture {
  torch: string;
  cases: {
    s14: { initial: TensorJson; afterAdd: TensorJson; afterSet: TensorJson };
    bases: Record<string, TensorJson>;
    regions: RegionCase[];
    indexErrors: IndexErrorCase[];
    edits: EditCase[];
  };
}

const path = fileURLToPath(new URL('../../golden/fixtures/edits.json', import.meta.url));
export const fixture = (JSON.parse(readFileSync(path, 'utf8')) as EditsFixture).cases;

export function toNumber(v: JsonFloat): number {
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return v;
}

/** A float32 tensor with the fixture's exact bits. */
export function toTensor(t: TensorJson): Tensor {
  return new Tensor(Float32Array.from(t.data, (v) => Math.fround(toNumber(v))), t.shape);
}

/** The edit value as a client hands it over: a number, nested arrays, or (for dtype cases) a tensor. */
export function toValue(v: JsonValue): number | NestedNumbers | Tensor {
  if (Array.isArray(v)) return v.map((x) => toValue(x) as NestedNumbers);
  if (typeof v === 'object') {
    const data = v.dtype === 'float64' ? Float64Array.from(v.data, toNumber) : Float32Array.from(v.data, (x) => Math.fround(toNumber(x)));
    return new Tensor(data, v.shape);
  }
  return toNumber(v);
}

export function base(name: string): Tensor {
  return toTensor(fixture.bases[name]);
}
