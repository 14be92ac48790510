import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Tensor } from '../../../src/engine/index.js';
import type { ArchitectureSpec, SpecLimits } from '../../../src/nn/index.js';

/** A JSON number, or a non-finite float as common.py writes it. */
export type JsonFloat = number | 'NaN' | 'Infinity' | '-Infinity';

export interface FixtureTensor {
  shape: number[];
  data: JsonFloat[];
}

export interface GradCase {
  loss: number;
  grads: Record<string, FixtureTensor>;
}

export interface SpecCase {
  name: string;
  seed: number;
  spec: ArchitectureSpec;
  stateDict: Record<string, FixtureTensor>;
  namedParameters: { name: string; shape: number[] }[];
  stateDictKeys: string[];
  namedModules: string[];
  parameterCount: number;
  modulePathCount: number;
  repr: string;
  input: FixtureTensor;
  output: FixtureTensor;
  grads?: { sum: GradCase; squareMean: GradCase };
}

const path = fileURLToPath(new URL('../../golden/fixtures/spec.json', import.meta.url));
const fixture = JSON.parse(readFileSync(path, 'utf8')) as { torch: string; cases: SpecCase[] };

export const cases: readonly SpecCase[] = fixture.cases;

export function specCase(name: string): SpecCase {
  const found = cases.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no fixture case ${name}`);
  return found;
}

function toNumber(v: JsonFloat): number {
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return v;
}

/** A fixture tensor as float32 (bit-exact: each value is the float32's shortest repr). */
export function toTensor(t: FixtureTensor): Tensor {
  return new Tensor(Float32Array.from(t.data, toNumber), t.shape);
}

/** Generous limits for tests that are not about limits. */
export const LIMITS: SpecLimits = { maxParameters: 1_000_000, maxDepth: 8, maxChildren: 64, maxModules: 1000 };

/** A deep copy, so a test can never change a fixture another test reads. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
