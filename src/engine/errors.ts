import { AppError, type ErrorDetails } from '../errors/index.js';

/** A tensor op got operands whose shapes do not fit (PyTorch's RuntimeError for shapes). */
export class ShapeError extends AppError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('INVALID', 'SHAPE_MISMATCH', message, details);
  }
}

/** Misuse of autograd: backward on a non-scalar, twice through a freed graph, ... */
export class AutogradError extends AppError {
  constructor(message: string, code = 'AUTOGRAD_ERROR', details: ErrorDetails = {}) {
    super('INVALID', code, message, details);
  }
}

/** An index or dimension outside a tensor's range. */
export class TensorIndexError extends AppError {
  constructor(message: string, code = 'INDEX_OUT_OF_RANGE', details: ErrorDetails = {}) {
    super('INVALID', code, message, details);
  }
}

/** A bad argument to an engine function (negative std, unknown dtype, ...). */
export class EngineArgumentError extends AppError {
  constructor(message: string, code = 'INVALID_ARGUMENT', details: ErrorDetails = {}) {
    super('INVALID', code, message, details);
  }
}
