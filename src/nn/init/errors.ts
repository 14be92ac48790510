import { AppError, type ErrorDetails } from '../../errors/index.js';

/**
 * An initializer that cannot run: a bad keyword in the request (`details.field`
 * is its JSON path, `weight.std`) or a tensor it does not fit (`details.path`
 * is the parameter, `0.bias`). The message keeps PyTorch's words.
 */
export class InvalidInitializerError extends AppError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('INVALID', 'INVALID_INITIALIZER', message, details);
  }
}

/** A `name` that is not one of the initializers the service offers. */
export class UnknownInitializerError extends AppError {
  constructor(message: string, field: string, name: string) {
    super('INVALID', 'UNKNOWN_INITIALIZER', message, { field, name });
  }
}
