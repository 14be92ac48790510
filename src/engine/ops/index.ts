// Tensor ops, named and ordered as PyTorch's functions.
export * from './creation.js';
export { add, sub, mul, div, neg, reduceGrad, type TensorLike } from './arithmetic.js';
export { abs, exp, log, sqrt, square, relu, sigmoid, tanh, leakyRelu, gelu, pow } from './unary.js';
export { sum, mean, max, maxDim } from './reduce.js';
export { mm, addmm, linear, matmul } from './linalg.js';
export { reshape, view, flatten, unsqueeze, permute, transpose, t, expand, clone, inferShape } from './shape-ops.js';
