import { AppError, type ErrorDetails } from '../errors/index.js';

/** A child, parameter or buffer name that PyTorch's `add_module` / `register_*` refuses (its TypeError / KeyError). */
export class ModuleNameError extends AppError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('INVALID', 'INVALID_MODULE_NAME', message, details);
  }
}

/** A value that cannot be registered: not a Module, not a Parameter, a non-leaf tensor (PyTorch's TypeError / ValueError). */
export class ModuleMemberError extends AppError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('INVALID', 'INVALID_MODULE_MEMBER', message, details);
  }
}

/** A dotted path that names no module. */
export class ModuleNotFoundError extends AppError {
  constructor(message: string, path: string) {
    super('NOT_FOUND', 'MODULE_NOT_FOUND', message, { path });
  }
}

/** A dotted path that names no parameter. */
export class ParameterNotFoundError extends AppError {
  constructor(message: string, path: string) {
    super('NOT_FOUND', 'PARAMETER_NOT_FOUND', message, { path });
  }
}

/**
 * `load_state_dict` refused its input: missing, unexpected or mis-shaped keys
 * (`STATE_DICT_MISMATCH`, details list them), or an input that is no mapping
 * at all (`INVALID_STATE_DICT`).
 */
export class StateDictError extends AppError {
  constructor(message: string, details: ErrorDetails, code = 'STATE_DICT_MISMATCH') {
    super('INVALID', code, message, details);
  }
}

/** A bad argument to a layer or an nn function (PyTorch's ValueError / TypeError). */
export class NnArgumentError extends AppError {
  constructor(message: string, code = 'INVALID_ARGUMENT', details: ErrorDetails = {}) {
    super('INVALID', code, message, details);
  }
}

/** A position outside a container (PyTorch's IndexError from `Sequential[i]`). */
export class ModuleIndexError extends AppError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('INVALID', 'INDEX_OUT_OF_RANGE', message, details);
  }
}
