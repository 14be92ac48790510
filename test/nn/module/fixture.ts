import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Recipe } from './recipe.js';

/** A JSON number, or a non-finite float as common.py writes it. */
export type JsonFloat = number | 'NaN' | 'Infinity' | '-Infinity';

export interface JsonTensor {
  shape: number[];
  data: JsonFloat[];
}

export interface PyError {
  type: string;
  message: string;
}

export interface StructureCase {
  name: string;
  recipe: Recipe;
  repr: string;
  len: number;
  namedModules: string[];
  namedModulesAll: string[];
  namedModulesPrefix: string[];
  namedChildren: string[];
  namedParameters: [string, number[]][];
  namedParametersPrefix: string[];
  namedParametersLocal: string[];
  namedBuffers: string[];
  stateDict: string[];
  stateDictPrefix: string[];
  sharedStorage: string[][];
  apply: [string, string][];
  parameterCount: number;
}

/** A Python value stood in for by a JSON value: `py` kinds name what nn.py passed. */
export type ValueKind =
  | 'module' | 'none' | 'int' | 'float' | 'str' | 'bool' | 'list' | 'dict' | 'tensor' | 'double tensor' | 'parameter' | 'nonleaf';

export interface AddModuleCase {
  owner: Recipe;
  name: unknown;
  module: ValueKind;
  error: PyError | null;
  keys: string[];
  repr: string;
}

export interface RegisterCase {
  owner: Recipe;
  name: unknown;
  value: ValueKind;
  error: PyError | null;
  parameters: string[];
  buffers: string[];
}

export type LoadEntryValue = { tensor: JsonTensor; dtype: 'float32' | 'float64' } | { py: unknown };

export interface LoadCase {
  name: string;
  recipe: Recipe;
  strict: boolean;
  entries: [string, LoadEntryValue][];
  before: Record<string, JsonTensor>;
  error: PyError | null;
  missingKeys: string[] | null;
  unexpectedKeys: string[] | null;
  resultRepr: string | null;
  after: Record<string, JsonTensor> | null;
}

export interface SequentialCases {
  recipe: Recipe;
  len: number;
  at: { index: number; error: PyError | null; key: string | null; isNone: boolean | null }[];
  slices: { start: number | null; stop: number | null; step: number | null; keys: string[] }[];
  sliceReprs: { start: number | null; stop: number | null; step: number | null; repr: string }[];
  stepZero: PyError;
  appendAfterNamed: { keys: string[]; repr: string };
  appendAfterSlice: { keys: string[]; repr: string };
  noneForward: PyError;
}

export interface PathCases {
  recipe: Recipe;
  submodule: { target: string; error: PyError | null; path: string | null }[];
  parameter: { target: string; error: PyError | null; name: string | null }[];
}

export interface LayerForwardCase {
  recipe: Recipe;
  state: Record<string, JsonTensor>;
  input: JsonTensor;
  output: JsonTensor;
  gradFn: string | null;
  sameObject: boolean;
  gradOutput: JsonTensor;
  inputGrad: JsonTensor;
  parameterGrads: Record<string, JsonTensor>;
}

export interface LinearInitCase {
  seed: number;
  in: number;
  out: number;
  bias: boolean;
  weight: JsonTensor;
  biasValue: JsonTensor | null;
}

export interface SeededNetCase {
  name: string;
  recipe: Recipe;
  seed: number;
  state: Record<string, JsonTensor>;
  input: JsonTensor;
  output: JsonTensor;
  gradFn: string;
}

export interface DropoutCase {
  seed: number;
  p: number;
  input: JsonTensor;
  output: JsonTensor;
  gradFn: string | null;
  sameObject: boolean;
}

interface NnFixture {
  torch: string;
  cases: {
    structures: StructureCase[];
    attributes: { recipe: Recipe; names: string[] }[];
    addModule: AddModuleCase[];
    registerParameter: RegisterCase[];
    registerBuffer: RegisterCase[];
    loadStateDict: LoadCase[];
    loadStateDictNotMapping: PyError[];
    sequential: SequentialCases;
    paths: PathCases;
    layerForward: LayerForwardCase[];
    layerRepr: { recipe: Recipe; repr: string }[];
    layerErrors: {
      'dropout p': { p: number; error: PyError }[];
      'linear features': { in: number; out: number; error: PyError }[];
      'train mode': PyError;
    };
    linearInit: LinearInitCase[];
    seededNets: SeededNetCase[];
    dropout: DropoutCase[];
    floatRepr: { v: JsonFloat; repr: string }[];
    strRepr: { s: string; repr: string }[];
  };
}

const path = fileURLToPath(new URL('../../golden/fixtures/nn.json', import.meta.url));
export const fixture = JSON.parse(readFileSync(path, 'utf8')) as NnFixture;
export const cases = fixture.cases;

export function toNumber(v: JsonFloat): number {
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return v;
}

/** The fixture's values as float32 storage, bit-exact (shortest repr then fround). */
export function float32Of(t: JsonTensor): Float32Array {
  return Float32Array.from(t.data.map(toNumber), Math.fround);
}

/** Indices where two float32 arrays differ in any bit (NaN equals NaN). */
export function bitMismatches(actual: ArrayLike<number>, expected: ArrayLike<number>): number[] {
  const out: number[] = [];
  if (actual.length !== expected.length) return [-1];
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (!(Object.is(a, e) || (Number.isNaN(a) && Number.isNaN(e)))) out.push(i);
  }
  return out;
}

/** Indices where values differ beyond float32 round-off of the computation (relative 1e-5, absolute 1e-6). */
export function closeMismatches(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 1e-5, atol = 1e-6): number[] {
  const out: number[] = [];
  if (actual.length !== expected.length) return [-1];
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (Number.isNaN(e) ? !Number.isNaN(a) : !(Math.abs(a - e) <= atol + rtol * Math.abs(e))) out.push(i);
  }
  return out;
}
