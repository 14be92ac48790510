// Optimizers as torch.optim 1.13 computes them, float32 roundings included.
export { Optimizer } from './optimizer.js';
export { SGD, type SgdOptions } from './sgd.js';
export { Adam, AdamW, type AdamOptions } from './adam.js';
export { createOptimizer, OPTIMIZER_NAMES } from './factory.js';
