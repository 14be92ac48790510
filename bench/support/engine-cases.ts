/**
 * The engine workloads of issue 2, item 12, shared by every implementation
 * (paramserve, TensorFlow.js backends, PyTorch) so they time the same thing.
 */

/** C = A·B with A, B both n×n float32: 2n³ floating-point operations. */
export const MATMUL_SIZES = [64, 128, 256, 512, 1024];

export function matmulFlops(n: number): number {
  return 2 * n * n * n;
}

/**
 * One training step: forward through Linear layers with ReLU between them (none
 * after the last), MSE loss (mean), backward, and a plain SGD update.
 */
export interface TrainCase {
  id: string;
  /** Layer widths: [in, hidden…, out]. */
  widths: number[];
  batch: number;
}

export const TRAIN_CASES: readonly TrainCase[] = [
  { id: '4-8-1', widths: [4, 8, 1], batch: 2 },
  { id: '784-256-256-10', widths: [784, 256, 256, 10], batch: 256 },
  { id: '1024-1024-1024-1024', widths: [1024, 1024, 1024, 1024], batch: 128 },
];

export const TRAIN_CASE_IDS = TRAIN_CASES.map((c) => c.id);

/** The target for the chapter's toy step: per-call overhead is what a parameter service lives on. */
export const TOY_STEP_TARGET_SECONDS = 10e-6;

/**
 * The SGD learning rate. A step costs the same whatever lr is, but a net that
 * has fitted its one batch after a million steps produces subnormal gradients,
 * which slow float arithmetic in every library; a tiny lr keeps the parameters
 * near their start for the whole run.
 */
export const LEARNING_RATE = 1e-6;

/** Deterministic uniform values in [-1, 1) (an LCG: operands' values do not matter, only that they are ordinary floats). */
export function uniformData(length: number, seed: number): Float32Array {
  const out = new Float32Array(length);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2147483648 - 1;
  }
  return out;
}
