// PyTorch's CPU RNG, bit for bit (x86-64 AVX2 build): MT19937 generator, uniform,
// normal, bernoulli/dropout noise, randperm.
export { Generator } from './generator.js';
export { DEFAULT_SEED } from './seed.js';
export { uniform_ } from './uniform.js';
export { normal_ } from './normal.js';
export { bernoulli_, dropoutNoise_ } from './bernoulli.js';
export { randperm } from './randperm.js';
export { rand, randn } from './factories.js';
