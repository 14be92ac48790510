import { readFileSync } from 'node:fs';

/** PyTorch's answers for the chapter's training exercise (scripts/golden/training.py). */

export type JsonFloat = number | 'NaN' | 'Infinity' | '-Infinity';

export interface FlatTensor {
  shape: number[];
  data: JsonFloat[];
}

export interface Stats {
  norm: JsonFloat;
  mean: JsonFloat;
  std: JsonFloat;
  min: JsonFloat;
  max: JsonFloat;
}

export interface GoldenStep {
  rows: number[];
  loss: number;
  parameters: { name: string; requiresGrad: boolean; value: Stats; grad: Stats | null }[];
}

export interface GoldenRun {
  name: string;
  optimizer: Record<string, unknown> & { name: string };
  loss: string;
  epochs: number;
  batchSize: number;
  shuffle: boolean;
  seed?: number;
  frozen?: string[];
  steps: GoldenStep[];
  epochLosses: number[];
  final: Record<string, FlatTensor>;
  finalGrads: Record<string, FlatTensor | null>;
}

export interface TrainingFixture {
  architecture: unknown;
  modelSeed: number;
  initial: Record<string, FlatTensor>;
  data: { x: FlatTensor; y: FlatTensor };
  runs: GoldenRun[];
  sharedSplit: { parameter: string; tied: FlatTensor; uses: Record<string, FlatTensor> };
}

export const golden = (JSON.parse(readFileSync(new URL('../../golden/fixtures/training.json', import.meta.url), 'utf8')) as { cases: TrainingFixture }).cases;

export function run(name: string): GoldenRun {
  const r = golden.runs.find((x) => x.name === name);
  if (r === undefined) throw new Error(`no golden run ${name}`);
  return r;
}

export function num(v: JsonFloat): number {
  return v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v;
}

/** Nested arrays from a flat fixture tensor, as a client sends them. */
export function nested(t: FlatTensor): unknown {
  const data = t.data.map(num);
  let k = 0;
  const build = (dim: number): unknown[] => {
    const out: unknown[] = [];
    for (let i = 0; i < t.shape[dim]; i++) out.push(dim === t.shape.length - 1 ? data[k++] : build(dim + 1));
    return out;
  };
  return t.shape.length === 0 ? data[0] : build(0);
}

/** The request body that replays a golden run (every step observed). */
export function trainBody(r: GoldenRun, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {
    optimizer: r.optimizer,
    loss: r.loss,
    inputs: nested(golden.data.x),
    targets: nested(golden.data.y),
    epochs: r.epochs,
    batchSize: r.batchSize,
    shuffle: r.shuffle,
    observe: { every: 1 },
    ...extra,
  };
  if (r.seed !== undefined) body.seed = r.seed;
  return body;
}

/** Worst |got - want| in units of float32 tolerance (atol + rtol·|want|): <= 1 is close enough. NaN must match NaN. */
export function toleranceRatio(got: ArrayLike<number>, want: ArrayLike<number>, rtol = 1e-5, atol = 1e-6): number {
  if (got.length !== want.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const g = got[i];
    const w = want[i];
    if (Number.isNaN(w) || Number.isNaN(g)) {
      if (!(Number.isNaN(w) && Number.isNaN(g))) return Infinity;
      continue;
    }
    worst = Math.max(worst, Math.abs(g - w) / (atol + rtol * Math.abs(w)));
  }
  return worst;
}

export const STAT_KEYS = ['norm', 'mean', 'std', 'min', 'max'] as const;

export function statsVector(s: Stats): number[] {
  return STAT_KEYS.map((k) => num(s[k]));
}

/** torch's statistics of a flat tensor, computed the way the fixture does (float64 here; torch's are float32). */
export function statsOf(t: FlatTensor): number[] {
  const x = t.data.map(num);
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return [Math.sqrt(x.reduce((a, b) => a + b * b, 0)), mean, std, Math.min(...x), Math.max(...x)];
}
