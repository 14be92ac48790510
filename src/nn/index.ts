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
export { parseIndex, resolveIndex, MAX_INDEX_LENGTH, type ParsedIndex, type IndexSelector, type IndexRegion } from './index-string.js';
export { editParameter, EDIT_OPS, type EditOp, type ParameterEdit, type EditFields } from './edits.js';
export { computeLoss, classIndices, isLossName, lossNeedsTarget, LOSS_NAMES, IGNORE_INDEX, type LossName, type LossFields } from './losses.js';
export * from './optim/index.js';
