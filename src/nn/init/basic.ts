import {
  noGrad,
  normal_ as fillNormal,
  uniform_ as fillUniform,
  type DType,
  type Generator as RandomGenerator,
  type Tensor,
} from '../../engine/index.js';
import { InvalidInitializerError } from './errors.js';

const FLOAT_MAX = 3.4028234663852886e38;

/** `nn.init.uniform_(t, a, b)`: U(a, b), one draw per element in row-major order. */
export function uniform_(t: Tensor, a: number, b: number, generator: RandomGenerator): Tensor {
  noGrad(() => fillUniform(t.data, a, b, generator));
  return t;
}

/** `nn.init.normal_(t, mean, std)`: N(mean, std²); `std = 0` fills with `mean`. */
export function normal_(t: Tensor, mean: number, std: number, generator: RandomGenerator): Tensor {
  noGrad(() => fillNormal(t.data, mean, std, generator));
  return t;
}

/** `fill_`'s checked conversion: a finite value beyond float's range is refused, infinities are not. */
export function checkConstant(val: number, dtype: DType): void {
  if (dtype === 'float32' && Number.isFinite(val) && Math.abs(val) > FLOAT_MAX)
    throw new InvalidInitializerError('value cannot be converted to type float without overflow');
}

/** `nn.init.constant_(t, val)`. */
export function constant_(t: Tensor, val: number): Tensor {
  checkConstant(val, t.dtype);
  noGrad(() => t.data.fill(val)); // a Float32Array store rounds to float, as fill_ casts
  return t;
}

/** `nn.init.ones_(t)`. */
export function ones_(t: Tensor): Tensor {
  return constant_(t, 1);
}

/** `nn.init.zeros_(t)`. */
export function zeros_(t: Tensor): Tensor {
  return constant_(t, 0);
}
