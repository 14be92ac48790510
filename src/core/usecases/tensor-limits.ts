import type { TensorLimits } from '../tensors/tensor-json.js';
import type { CoreContext } from './context.js';

export function tensorLimits(ctx: CoreContext): TensorLimits {
  return { maxElements: ctx.limits.maxTensorElements, maxDims: ctx.limits.maxTensorDims };
}
