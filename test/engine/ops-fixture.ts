import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { IndexSelector, Reduction, Tensor } from '../../src/engine/index.js';

/** A JSON number, or a non-finite float as common.py writes it. */
export type JsonFloat = number | 'NaN' | 'Infinity' | '-Infinity';

export interface Encoded {
  shape: number[];
  data: JsonFloat[];
}

/** The keyword arguments the cases of scripts/golden/ops.py pass. */
export interface Args {
  alpha?: number;
  c?: number;
  e?: number;
  slope?: number;
  approximate?: 'none' | 'tanh';
  min?: number | null;
  max?: number | null;
  dim?: number | number[];
  keepdim?: boolean;
  shape?: number[];
  start?: number | null;
  end?: number | null;
  step?: number;
  dims?: number[];
  dim0?: number;
  dim1?: number;
  index?: number;
  selectors?: IndexSelector[];
  tuple?: boolean;
  targets?: number[];
  reduction?: Reduction;
  ignore_index?: number;
}

export interface OpCase {
  id: string;
  op: string;
  args: Args;
  inputs: Encoded[];
  requires: boolean[];
  out: Encoded;
  gradFn: string | null;
  gradOut: Encoded | null;
  grads: (Encoded | null)[];
  exact: boolean;
}

export interface OpErrorCase {
  id: string;
  op: string;
  shapes: number[][];
  args: Args;
  message: string;
}

export interface MlpCase {
  widths: number[];
  activation: string;
  bias: boolean;
  x: Encoded;
  params: { weight: Encoded; bias: Encoded | null }[];
  out: Encoded;
  outGradFn: string;
  loss: number;
  grads: { weight: Encoded; bias: Encoded | null }[];
}

interface OpsFixture {
  torch: string;
  cases: {
    gradFn: Record<string, string | null>;
    ops: OpCase[];
    opErrors: OpErrorCase[];
    mlps: MlpCase[];
    backward: { errors: Record<'nonScalar' | 'shapeMismatch' | 'secondBackward' | 'noGrad', string>; secondBackward: Record<string, string | null> };
  };
}

const path = fileURLToPath(new URL('../golden/fixtures/ops.json', import.meta.url));
export const fixture = (JSON.parse(readFileSync(path, 'utf8')) as OpsFixture).cases;

export function decode(values: readonly JsonFloat[]): number[] {
  return values.map((v) => (v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v));
}

/**
 * Float32 agreement with PyTorch: |a - b| <= 1e-5 + 1e-5·|b| per element, or
 * bit for bit when `exact` (elementwise IEEE ops and copies round the same way).
 */
export function expectClose(actual: Tensor, expected: Encoded, exact: boolean, what: string): void {
  expect(actual.shape, `${what} shape`).toEqual(expected.shape);
  const want = decode(expected.data).map(Math.fround);
  const got = Array.from(actual.data);
  if (exact) {
    expect(got, `${what} (bit-exact)`).toEqual(want);
    return;
  }
  const bad: string[] = [];
  for (let i = 0; i < want.length; i++) {
    const a = got[i];
    const b = want[i];
    if (Number.isNaN(b) ? !Number.isNaN(a) : !(Math.abs(a - b) <= 1e-5 + 1e-5 * Math.abs(b))) bad.push(`[${i}] ${a} vs ${b}`);
  }
  expect(bad, `${what}: elements outside 1e-5 + 1e-5|b|`).toEqual([]);
}
