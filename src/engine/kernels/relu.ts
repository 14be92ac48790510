import type { FloatArray } from '../dtype.js';

// ReLU's forward and backward as kernels. The obvious loop
// (`v > 0 || v !== v ? v : 0`) branches on the sign of each element, and
// between Linear layers those signs are a coin toss: the mispredictions made
// ReLU ~18% of a 784-256-256-10 step once the products ran on WebAssembly.
// On float32 the decision is taken on the bits instead, without a branch:
//   keep(b) = b > 0 (a positive float, +NaN included) or |b| > 0x7f800000 (any NaN)
// as a sign-extended mask; the result is b & mask. That is PyTorch's
// clamp_min(0) (NaN kept bit for bit, -0 and negatives become +0) and its
// threshold_backward (the gradient where the output is > 0 or NaN, else +0).

/** Below this length the plain loop wins: typed-array views cost more than the branches. */
const BITWISE_MIN = 64;

const int32 = (x: Float32Array) => new Int32Array(x.buffer, x.byteOffset, x.length);

/** y = relu(x), elementwise; y may not alias x. */
export function reluForward(x: FloatArray, y: FloatArray): void {
  const n = x.length;
  if (n >= BITWISE_MIN && x instanceof Float32Array && y instanceof Float32Array) {
    const xb = int32(x);
    const yb = int32(y);
    for (let i = 0; i < n; i++) {
      const b = xb[i];
      yb[i] = b & ((((-b & ~b) | (0x7f800000 - (b & 0x7fffffff))) >> 31));
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const v = x[i];
    // NaN stays NaN, as in PyTorch's clamp_min(0).
    y[i] = v > 0 || v !== v ? v : 0;
  }
}

/** out = g where y (the forward's output) is > 0 or NaN, else 0: threshold_backward. */
export function reluBackward(y: FloatArray, g: FloatArray, out: FloatArray): void {
  const n = y.length;
  if (n >= BITWISE_MIN && y instanceof Float32Array && g instanceof Float32Array && out instanceof Float32Array) {
    const yb = int32(y);
    const gb = int32(g);
    const ob = int32(out);
    for (let i = 0; i < n; i++) {
      const b = yb[i];
      ob[i] = gb[i] & ((((-b & ~b) | (0x7f800000 - (b & 0x7fffffff))) >> 31));
    }
    return;
  }
  // Only y <= 0 blocks, so a NaN output passes its gradient.
  for (let i = 0; i < n; i++) out[i] = y[i] <= 0 ? 0 : g[i];
}
