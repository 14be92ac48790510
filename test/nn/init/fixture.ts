// test/golden/fixtures/init.json, written by scripts/golden/init.py from torch 1.13 (x86-64, AVX2).
import { readFileSync } from 'node:fs';
import { Generator, type FloatArray } from '../../../src/engine/index.js';
import { Linear, ReLU, Sequential, type Module } from '../../../src/nn/index.js';

type JsonFloat = number | 'NaN' | 'Infinity' | '-Infinity';

/** A tensor as init.py stores it: whole when small, else a bit hash, the head, and (tolerance cases) a strided sample. */
export interface StoredTensor {
  shape: number[];
  values?: JsonFloat[];
  hash?: number;
  head?: number[];
  sample?: { stride: number; values: number[] };
}

/** An initializer as the API spells it (`{name, ...kwargs}`). */
export type InitJson = { name: string } & Record<string, unknown>;

export interface InitializerCase {
  init: InitJson;
  shape: number[];
  seed: number;
  exact: boolean;
  tensor: StoredTensor;
  next: number[];
  nextNormal: number[];
}

export interface ModelSpec {
  type: string;
  name?: string;
  ref?: string;
  layers?: ModelSpec[];
  in_features?: number;
  out_features?: number;
  bias?: boolean;
  shared?: Record<string, ModelSpec>;
}

export interface RequestJson {
  seed?: number;
  module?: string;
  moduleTypes?: string[];
  weight?: InitJson;
  bias?: InitJson;
}

export interface ChapterCase {
  title: string;
  model: string;
  buildSeed: number;
  requests: RequestJson[];
  reports: { name: string; shape: number[]; initializer: string }[][];
  stateDict: Record<string, StoredTensor>;
  next: number[];
  exact: boolean;
  printed?: string[];
}

interface Fixture {
  torch: string;
  cases: {
    gain: { nonlinearity: string; param: number | null; gain: number }[];
    fan: { shape: number[]; fanIn: number; fanOut: number }[];
    initializers: InitializerCase[];
    erfinv: { x: JsonFloat[]; y: JsonFloat[] };
    libm: Record<'erff' | 'expf' | 'logf', { x: JsonFloat[]; y: JsonFloat[] }>;
    errors: {
      initializers: { init: InitJson; shape: number[]; message: string }[];
      gain: { nonlinearity: string; param: unknown; message: string }[];
    };
    mixtures: Omit<InitializerCase, 'exact'>[];
    models: Record<string, ModelSpec>;
    chapter: ChapterCase[];
  };
}

export const fixture: Fixture = JSON.parse(readFileSync(new URL('../../golden/fixtures/init.json', import.meta.url), 'utf8'));
export const cases = fixture.cases;

export function toNumber(v: JsonFloat): number {
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return v;
}

/** Positions whose values differ bit for bit (Object.is, so -0 and NaN count). */
export function mismatches(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Math.max(got.length, want.length);
  let bad = 0;
  for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) bad++;
  return bad;
}

/** init.py's bits_hash: h = h*31 + float32 bits, mod 2^32. */
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

/**
 * How far `got` is from a stored tensor: 0 mismatches when bit-exact is
 * asked, else the largest absolute difference over what was stored.
 */
export function compareStored(got: FloatArray, want: StoredTensor): { mismatches: number; maxAbsDiff: number } {
  if (want.values !== undefined) {
    const values = want.values.map(toNumber);
    return { mismatches: mismatches(got, values), maxAbsDiff: maxAbsDiff(got, values) };
  }
  const head = got.subarray(0, want.head!.length);
  let bad = mismatches(head, want.head!) + (bitsHash(got) === want.hash ? 0 : 1);
  let worst = maxAbsDiff(head, want.head!);
  if (want.sample !== undefined) {
    const sampled = want.sample.values.map((_, k) => got[k * want.sample!.stride]);
    bad += mismatches(sampled, want.sample.values);
    worst = Math.max(worst, maxAbsDiff(sampled, want.sample.values));
  }
  return { mismatches: bad, maxAbsDiff: worst };
}

function maxAbsDiff(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    if (Object.is(got[i], want[i])) continue;
    worst = Math.max(worst, Math.abs(got[i] - want[i]));
    if (Number.isNaN(worst)) return Infinity;
  }
  return worst;
}

/** Builds init.py's MODELS the way it does: seeded, shared modules first, then the layers depth-first. */
export function buildModel(spec: ModelSpec, generator: Generator): Module {
  const shared: Record<string, Module> = {};
  for (const [key, node] of Object.entries(spec.shared ?? {})) shared[key] = buildNode(node, shared, generator);
  return buildNode(spec, shared, generator);
}

function buildNode(node: ModelSpec, shared: Record<string, Module>, generator: Generator): Module {
  if (node.ref !== undefined) return shared[node.ref];
  if (node.type === 'Sequential')
    return new Sequential(node.layers!.map((child, i) => [child.name ?? String(i), buildNode(child, shared, generator)] as const));
  if (node.type === 'Linear') return new Linear(node.in_features!, node.out_features!, { bias: node.bias, generator });
  return new ReLU();
}

export const shapeName = (shape: readonly number[]): string => `(${shape.join(', ')})`;
