// The initializers of torch.nn.init, their JSON registry, and the initialize use case.
export * from './initializers.js';
export { calculateFanInAndFanOut, calculateCorrectFan, type FanMode } from './fan.js';
export { calculateGain, NONLINEARITIES } from './gain.js';
export { InvalidInitializerError, UnknownInitializerError } from './errors.js';
export type { InitializerSpec, InitializerName, MixtureComponent, ParameterRole } from './initializer-spec.js';
export { INITIALIZER_NAMES } from './catalog.js';
export { MAX_MIXTURE_COMPONENTS } from './mixture-components.js';
export { MIXTURE_WEIGHT_TOLERANCE } from './mixture.js';
export { parseInitializer, MAX_MIXTURE_DEPTH } from './parse-initializer.js';
export { applyInitializers, type InitializeRequest, type InitializeResult, type InitializedParameter } from './apply-initializers.js';
export { applyOrder } from './apply-order.js';
