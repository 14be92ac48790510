import type { Shape } from '../../engine/index.js';
import { InvalidInitializerError } from './errors.js';

/** PyTorch's `_calculate_fan_in_and_fan_out`: `(size(1)·receptive, size(0)·receptive)`. */
export function calculateFanInAndFanOut(shape: Shape): { fanIn: number; fanOut: number } {
  if (shape.length < 2)
    throw new InvalidInitializerError('Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  let receptive = 1;
  for (let i = 2; i < shape.length; i++) receptive *= shape[i];
  return { fanIn: shape[1] * receptive, fanOut: shape[0] * receptive };
}

export type FanMode = 'fan_in' | 'fan_out';

/** PyTorch's `_calculate_correct_fan` mode check: lower-cased first, so `FAN_OUT` is accepted. */
export function checkFanMode(mode: string): FanMode {
  const m = mode.toLowerCase();
  if (m !== 'fan_in' && m !== 'fan_out')
    throw new InvalidInitializerError(`Mode ${m} not supported, please use one of ['fan_in', 'fan_out']`);
  return m;
}

/** PyTorch's `_calculate_correct_fan`: the mode is checked before the shape. */
export function calculateCorrectFan(shape: Shape, mode: string): number {
  const m = checkFanMode(mode);
  const { fanIn, fanOut } = calculateFanInAndFanOut(shape);
  return m === 'fan_in' ? fanIn : fanOut;
}
