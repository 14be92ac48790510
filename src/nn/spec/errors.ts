import { AppError } from '../../errors/index.js';

/**
 * An architecture spec that is not a model this service can build. `field` is
 * the JSON path of the offending node or keyword (`layers[2].out_features`),
 * and the message starts with it, so a client sees where without parsing.
 */
export class InvalidArchitectureError extends AppError {
  constructor(field: string, message: string) {
    super('INVALID', 'INVALID_ARCHITECTURE', message, { field });
  }
}

/** A spec node whose `type` is not a layer the service knows. */
export class UnknownModuleTypeError extends AppError {
  constructor(field: string, message: string, type: string) {
    super('INVALID', 'UNKNOWN_MODULE_TYPE', message, { field, type });
  }
}

/** A spec (or a tie) that would make a model larger than a configured limit (code LIMIT_EXCEEDED, as core's limits). */
export class ArchitectureLimitError extends AppError {
  constructor(field: string, message: string, limit: string, limitValue: number) {
    super('LIMIT', 'LIMIT_EXCEEDED', message, { field, limit, limitValue });
  }
}
