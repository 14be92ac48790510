/** The engine stores float32 (the service's only wire dtype) and float64 (gradient checks, oracles). */
export type DType = 'float32' | 'float64';
export type FloatArray = Float32Array | Float64Array;

export function dtypeOf(data: FloatArray): DType {
  return data instanceof Float64Array ? 'float64' : 'float32';
}

/**
 * Allocates zeroed storage. `shared` puts it on a SharedArrayBuffer so worker
 * threads can compute on it without a copy.
 */
export function allocate(dtype: DType, length: number, shared = false): FloatArray {
  const bytes = dtype === 'float64' ? 8 : 4;
  if (shared) {
    const buffer = new SharedArrayBuffer(length * bytes);
    return dtype === 'float64' ? new Float64Array(buffer) : new Float32Array(buffer);
  }
  return dtype === 'float64' ? new Float64Array(length) : new Float32Array(length);
}

/** A zeroed array of the same dtype as `like`. */
export function allocateLike(like: FloatArray, length: number): FloatArray {
  return like instanceof Float64Array ? new Float64Array(length) : new Float32Array(length);
}

/** The dtype both operands are promoted to (float64 wins, as in PyTorch). */
export function promote(a: DType, b: DType): DType {
  return a === 'float64' || b === 'float64' ? 'float64' : 'float32';
}
