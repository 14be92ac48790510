// The nn layer's public surface: modules, layers, paths, initializers, specs, printing, losses, optimizers.
export { Module, join, type ForwardContext, type NamedModulesOptions, type NamedMembersOptions, type StateDictOptions } from './module.js';
export { Parameter, isParameter } from './parameter.js';
export * from './errors.js';
export { type IncompatibleKeys, type StateDictInput, incompatibleKeysRepr } from './state-dict.js';
export { pythonFloatRepr, pythonBool, pythonTypeName, pythonClassRepr, pythonStrRepr } from './python-repr.js';
export { Sequential, type SequentialEntry } from './layers/sequential.js';
export { Linear, type LinearOptions } from './layers/linear.js';
export { ReLU, LeakyReLU, Sigmoid, Tanh, GELU, Softmax, LogSoftmax } from './layers/activations.js';
export { Dropout, Flatten, Identity } from './layers/misc.js';
export { resolveModule, resolveParameter, firstNames, type ResolvedModule, type ResolvedParameter } from './paths.js';
export * from './init/index.js';
export * from './spec/index.js';
export { tieModule, tieParameter, countModulePaths, TieError, type TieLimits, type TieResult } from './ties.js';
