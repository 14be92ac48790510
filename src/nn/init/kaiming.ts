import type { Generator as RandomGenerator, Shape, Tensor } from '../../engine/index.js';
import { normal_, uniform_ } from './basic.js';
import { calculateCorrectFan } from './fan.js';
import { calculateGain } from './gain.js';

export interface KaimingOptions {
  /** The negative slope of the rectifier after this layer (only read with `leaky_relu`). Default 0. */
  a?: number;
  /** `fan_in` (default) or `fan_out`, any case. */
  mode?: string;
  /** Default `leaky_relu`, which with `a = 0` gives √2, not the 0.01-slope gain. */
  nonlinearity?: string;
}

/**
 * He's `std = gain / √fan`, with PyTorch's checks in its order: the mode, the
 * dimensions, then the nonlinearity. Null for a tensor with a zero dimension,
 * which PyTorch leaves untouched ("Initializing zero-element tensors is a no-op")
 * before checking anything.
 */
export function kaimingStd(shape: Shape, options: KaimingOptions): number | null {
  if (shape.includes(0)) return null;
  const fan = calculateCorrectFan(shape, options.mode ?? 'fan_in');
  const gain = calculateGain(options.nonlinearity ?? 'leaky_relu', options.a ?? 0);
  return gain / Math.sqrt(fan);
}

/** `nn.init.kaiming_uniform_`: U(-bound, bound), bound = √3 · gain / √fan, the same double chain as PyTorch. */
export function kaimingUniform_(t: Tensor, options: KaimingOptions, generator: RandomGenerator): Tensor {
  const std = kaimingStd(t.shape, options);
  if (std === null) return t;
  const bound = Math.sqrt(3.0) * std;
  return uniform_(t, -bound, bound, generator);
}

/** `nn.init.kaiming_normal_`: N(0, std²), std = gain / √fan. */
export function kaimingNormal_(t: Tensor, options: KaimingOptions, generator: RandomGenerator): Tensor {
  const std = kaimingStd(t.shape, options);
  if (std === null) return t;
  return normal_(t, 0, std, generator);
}
