/**
 * The Q of a thin QR factorisation A = QR (A is m×n, m ≥ n, row-major, in
 * float64) with the sign convention that makes it unique: column j is
 * multiplied by sign(R[j][j]), so R gets a non-negative diagonal, and a column
 * whose R[j][j] is 0 becomes 0, as PyTorch's `q *= sign(diag(r))` does.
 * Householder reflections as LAPACK's geqrf chooses them (v = x - βe₁ with
 * β = -sign(x₀)·‖x‖, so no cancellation).
 */
export function orthonormalQ(a: Float64Array, m: number, n: number): Float64Array {
  if (m < n) throw new RangeError(`orthonormalQ needs m >= n, got ${m}x${n}`);
  const r = Float64Array.from(a);
  const reflectors: { v: Float64Array; vv: number }[] = [];
  const rDiag = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let norm2 = 0;
    for (let i = j; i < m; i++) norm2 += r[i * n + j] * r[i * n + j];
    const norm = Math.sqrt(norm2);
    if (norm === 0) {
      reflectors.push({ v: new Float64Array(m - j), vv: 0 }); // the identity: nothing to reflect
      continue;
    }
    const alpha = r[j * n + j];
    const beta = alpha >= 0 ? -norm : norm;
    const v = new Float64Array(m - j);
    for (let i = j; i < m; i++) v[i - j] = r[i * n + j];
    v[0] = alpha - beta;
    let vv = 0;
    for (let i = 0; i < v.length; i++) vv += v[i] * v[i];
    reflect(r, n, j, j + 1, n, v, vv);
    rDiag[j] = beta;
    reflectors.push({ v, vv });
  }
  // Q = H₀H₁…Hₙ₋₁ applied to the first n columns of the identity, innermost first.
  const q = new Float64Array(m * n);
  for (let k = 0; k < n; k++) q[k * n + k] = 1;
  for (let j = n - 1; j >= 0; j--) reflect(q, n, j, j, n, reflectors[j].v, reflectors[j].vv);
  for (let k = 0; k < n; k++) {
    const s = Math.sign(rDiag[k]);
    for (let i = 0; i < m; i++) q[i * n + k] *= s;
  }
  return q;
}

/** Applies H = I - 2vvᵀ/(vᵀv) to rows j.. of columns [from, to) of a row-major matrix with `n` columns. */
function reflect(x: Float64Array, n: number, j: number, from: number, to: number, v: Float64Array, vv: number): void {
  if (vv === 0) return;
  const rows = v.length;
  for (let k = from; k < to; k++) {
    let dot = 0;
    for (let i = 0; i < rows; i++) dot += v[i] * x[(j + i) * n + k];
    const f = (2 * dot) / vv;
    for (let i = 0; i < rows; i++) x[(j + i) * n + k] -= f * v[i];
  }
}
