// Tensor ops, named and ordered as PyTorch's functions.
export * from './creation.js';
export { add, sub, mul, div, neg, reduceGrad, resultType, type TensorLike } from './arithmetic.js';
export { abs, exp, log, sqrt, reciprocal, square, pow } from './unary.js';
export { relu, sigmoid, tanh, leakyRelu, gelu } from './activation.js';
export { clamp } from './clamp.js';
export { gt, ge, lt, le, eq, ne, where } from './compare.js';
export { sum, mean, max, maxDim } from './reduce.js';
export { softmax, logSoftmax } from './softmax.js';
export { mm, addmm, linear, matmul } from './linalg.js';
export {
  reshape,
  view,
  flatten,
  unsqueeze,
  squeeze,
  permute,
  transpose,
  t,
  expand,
  clone,
  inferShape,
  expandedShape,
} from './shape-ops.js';
export { cat, stack } from './join.js';
export { select, slice, indexRegion, gatherRows } from './indexing.js';
export { basicIndexRegion, regionApply, type IndexSelector, type Region, type RegionOp, type RegionOptions } from './region.js';
export { mseLoss, l1Loss, nllLoss, crossEntropy, binaryCrossEntropyWithLogits, type Reduction } from './loss.js';
