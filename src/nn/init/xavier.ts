import type { Generator as RandomGenerator, Shape, Tensor } from '../../engine/index.js';
import { normal_, uniform_ } from './basic.js';
import { checkNormalStd, checkUniformBounds } from './engine-checks.js';
import { InvalidInitializerError } from './errors.js';
import { calculateFanInAndFanOut } from './fan.js';

/** Glorot's `gain · √(2 / (fan_in + fan_out))`, in PyTorch's double steps. */
export function xavierStd(shape: Shape, gain: number): number {
  const { fanIn, fanOut } = calculateFanInAndFanOut(shape);
  if (fanIn + fanOut === 0) throw new InvalidInitializerError('float division by zero'); // Python's ZeroDivisionError
  return gain * Math.sqrt(2.0 / (fanIn + fanOut));
}

/** The bound `a = √3 · std` of `xavier_uniform_`, after every check it would make. */
export function xavierUniformBound(shape: Shape, gain: number): number {
  const a = Math.sqrt(3.0) * xavierStd(shape, gain);
  checkUniformBounds(-a, a);
  return a;
}

/** `nn.init.xavier_uniform_(t, gain)`: U(-a, a), a = gain · √(6 / (fan_in + fan_out)). */
export function xavierUniform_(t: Tensor, gain: number, generator: RandomGenerator): Tensor {
  const a = Math.sqrt(3.0) * xavierStd(t.shape, gain);
  return uniform_(t, -a, a, generator);
}

/** The std of `xavier_normal_`, after every check it would make. */
export function xavierNormalStd(shape: Shape, gain: number): number {
  const std = xavierStd(shape, gain);
  checkNormalStd(0, std);
  return std;
}

/** `nn.init.xavier_normal_(t, gain)`: N(0, std²), std = gain · √(2 / (fan_in + fan_out)). */
export function xavierNormal_(t: Tensor, gain: number, generator: RandomGenerator): Tensor {
  return normal_(t, 0, xavierStd(t.shape, gain), generator);
}
