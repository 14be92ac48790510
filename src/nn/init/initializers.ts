// torch.nn.init's tensor functions: each fills a tensor in place under no_grad,
// leaves requiresGrad alone, and draws from the generator it is given.
export { uniform_, normal_, constant_, ones_, zeros_ } from './basic.js';
export { truncNormal_, type TruncNormalOptions } from './trunc-normal.js';
export { eye_, dirac_ } from './identity.js';
export { xavierUniform_, xavierNormal_ } from './xavier.js';
export { kaimingUniform_, kaimingNormal_, type KaimingOptions } from './kaiming.js';
export { orthogonal_ } from './orthogonal.js';
export { sparse_ } from './sparse.js';
