import { readFileSync } from 'node:fs';

/** The chapter's cells as PyTorch answered them (scripts/golden/chapter.py). */
export const chapter = JSON.parse(readFileSync(new URL('./fixtures/chapter.json', import.meta.url), 'utf8')).cases;

export interface FlatTensor {
  shape: number[];
  data: (number | string)[];
}

/** Nested arrays (as the service sends them) flattened, row-major. */
export function flatten(nested: unknown): number[] {
  if (Array.isArray(nested)) return nested.flatMap((x) => flatten(x));
  if (typeof nested === 'number') return [nested];
  throw new Error(`not a number: ${String(nested)}`);
}

/** Rebuilds nested arrays from a fixture tensor, to send as input. */
export function nested(t: FlatTensor): unknown {
  const data = t.data as number[];
  if (t.shape.length === 0) return data[0];
  let k = 0;
  const build = (dim: number): unknown => {
    const out: unknown[] = [];
    for (let i = 0; i < t.shape[dim]; i++) out.push(dim === t.shape.length - 1 ? data[k++] : build(dim + 1));
    return out;
  };
  return build(0);
}

/** The worst |a - b| in units of float32 tolerance (1e-6 + 1e-5·|b|): at most 1 means close enough; 0 means identical. */
export function toleranceRatio(got: number[], want: number[]): number {
  if (got.length !== want.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]) / (1e-6 + 1e-5 * Math.abs(want[i])));
  return worst;
}
