// The engine's public surface: tensors, ops, autograd, RNG, formatting, safetensors.
export { Tensor, type NestedNumbers } from './tensor.js';
export { type DType, type FloatArray, allocate, dtypeOf } from './dtype.js';
export * from './shape.js';
export * from './errors.js';
export { noGrad, isGradEnabled } from './autograd/grad-mode.js';
export { GradNode } from './autograd/grad-node.js';
export * from './ops/index.js';
export { gemm, gemmReference, setGemm, type Gemm, type GemmArgs } from './kernels/matmul.js';
export * from './kernels/fast/index.js';
export * from './format/index.js';
export * from './safetensors/index.js';
export * from './random/index.js';
// Single-rounding multiply-add as PyTorch's FMA-contracted kernels compute it (random, init, optimizers).
export { fma32, fma64 } from './random/fma.js';
