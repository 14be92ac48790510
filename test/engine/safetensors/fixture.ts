// The golden file written by scripts/golden/safetensors.py, typed for the tests.
import { readFileSync } from 'node:fs';
import type { SafetensorsDType, SafetensorsErrorKind } from '../../../src/engine/safetensors/index.js';

type JsonFloat = number | 'NaN' | 'Infinity' | '-Infinity';

export interface FixtureTensor {
  name: string;
  dtype: SafetensorsDType;
  shape: number[];
  bytes: string;
  float32: JsonFloat[];
  float64: JsonFloat[];
}

export interface ValidCase {
  name: string;
  note: string;
  /** True when the file is what the reference writer produces (so encode must match it). */
  writer: boolean;
  metadata: Record<string, string> | null;
  file: string;
  tensors: FixtureTensor[];
}

export interface MalformedCase {
  name: string;
  file: string;
  kind: SafetensorsErrorKind;
  message: string | null;
}

const doc = JSON.parse(readFileSync(new URL('../../golden/fixtures/safetensors.json', import.meta.url), 'utf8')) as {
  cases: { valid: ValidCase[]; malformed: MalformedCase[] };
};

export const validCases = doc.cases.valid;
export const malformedCases = doc.cases.malformed;

export function validCase(name: string): ValidCase {
  const found = validCases.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no fixture ${name}`);
  return found;
}

export function fromBase64(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'base64'));
}

export function jsonFloats(values: JsonFloat[]): number[] {
  return values.map((v) => (v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v));
}
