import { allocate, noGrad, normal_ as fillNormal, type Generator as RandomGenerator, type Shape, type Tensor } from '../../engine/index.js';
import { InvalidInitializerError } from './errors.js';
import { orthonormalQ } from './math/householder-qr.js';

export function checkOrthogonal(shape: Shape): void {
  if (shape.length < 2) throw new InvalidInitializerError('Only tensors with 2 or more dimensions are supported');
}

/**
 * `nn.init.orthogonal_(t, gain)`: a (rows, numel/rows) matrix of N(0, 1)
 * draws (in the tensor's dtype, row-major), transposed if it is wide, its QR
 * factor Q made unique by `q *= sign(diag(r))`, transposed back, times gain.
 * PyTorch's QR is LAPACK's in float32; this one is Householder in float64,
 * so values agree to about 1e-6 rather than bit for bit (the draws do agree).
 */
export function orthogonal_(t: Tensor, gain: number, generator: RandomGenerator): Tensor {
  checkOrthogonal(t.shape);
  if (t.numel === 0) return t;
  const rows = t.shape[0];
  const cols = t.numel / rows;
  const flat = allocate(t.dtype, rows * cols);
  fillNormal(flat, 0, 1, generator);
  const wide = rows < cols;
  const [m, n] = wide ? [cols, rows] : [rows, cols];
  const a = new Float64Array(m * n);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      if (wide) a[j * n + i] = flat[i * cols + j];
      else a[i * n + j] = flat[i * cols + j];
    }
  const q = orthonormalQ(a, m, n);
  const scale = t.dtype === 'float32' ? Math.fround(gain) : gain;
  noGrad(() => {
    const d = t.data;
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        const v = wide ? q[j * n + i] : q[i * n + j];
        d[i * cols + j] = (t.dtype === 'float32' ? Math.fround(v) : v) * scale;
      }
  });
  return t;
}
