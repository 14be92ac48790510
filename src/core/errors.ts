import { AppError, type ErrorDetails } from '../errors/index.js';

/** Unknown session, expired session, or a token that is not this session's: one answer, no existence oracle. */
export class SessionNotFoundError extends AppError {
  constructor() {
    super('NOT_FOUND', 'SESSION_NOT_FOUND', 'no such session for this token');
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'send Authorization: Bearer <session token>') {
    super('UNAUTHENTICATED', 'UNAUTHENTICATED', message);
  }
}

export class ModelNotFoundError extends AppError {
  constructor(name: string) {
    super('NOT_FOUND', 'MODEL_NOT_FOUND', `no model named '${name}' in this session`, { path: name });
  }
}

export class ModelExistsError extends AppError {
  constructor(name: string) {
    super('ALREADY_EXISTS', 'MODEL_EXISTS', `model '${name}' already exists`, { field: 'name' });
  }
}

/** If-Match (or an expected version) did not match the model's version. */
export class VersionMismatchError extends AppError {
  constructor(expected: string, current: number) {
    super('VERSION_CONFLICT', 'VERSION_MISMATCH', `If-Match ${expected} but the model is at version ${current}`, {
      field: 'If-Match',
      currentVersion: current,
    });
  }
}

/** A size limit of a model or a tensor (422). */
export class LimitExceededError extends AppError {
  constructor(limit: string, value: number, message: string, details: ErrorDetails = {}) {
    super('LIMIT', 'LIMIT_EXCEEDED', message, { limit, limitValue: value, ...details });
  }
}

/** A count quota: live sessions, models per session, bytes per session, concurrent runs (429). */
export class QuotaExceededError extends AppError {
  constructor(limit: string, value: number, message: string) {
    super('QUOTA', 'QUOTA_EXCEEDED', message, { limit, limitValue: value });
  }
}

/** A request body or message over the transport limit (413). */
export class PayloadTooLargeError extends AppError {
  constructor(limit: number) {
    super('TOO_LARGE', 'PAYLOAD_TOO_LARGE', `request body exceeds ${limit} bytes`, { limit: 'maxBodyBytes', limitValue: limit });
  }
}

/** A field of a request that is missing or of the wrong type (400). */
export class InvalidArgumentError extends AppError {
  constructor(field: string, message: string, code = 'INVALID_ARGUMENT') {
    super('MALFORMED', code, message, { field });
  }
}

/** A request that is well-formed but semantically wrong and has no more specific error (422). */
export class InvalidRequestError extends AppError {
  constructor(field: string, message: string, code = 'INVALID_REQUEST') {
    super('INVALID', code, message, { field });
  }
}

/** The store cannot be reached. */
export class StoreUnavailableError extends AppError {
  constructor(message: string) {
    super('UNAVAILABLE', 'STORE_UNAVAILABLE', message);
  }
}

/** Too many concurrent writers kept moving the model's version; the client may retry. */
export class WriteConflictError extends AppError {
  constructor(name: string, attempts: number) {
    super('UNAVAILABLE', 'WRITE_CONFLICT', `model '${name}' kept changing under ${attempts} attempts to write it; retry`);
  }
}

export class ShuttingDownError extends AppError {
  constructor() {
    super('UNAVAILABLE', 'SHUTTING_DOWN', 'the service is shutting down');
  }
}

/** A training run owns the model: other writes (and deletes) fail fast instead of queueing behind it (409). */
export class ModelBusyError extends AppError {
  constructor(name: string) {
    super('CONFLICT', 'MODEL_BUSY', `model '${name}' is being trained; it can be read meanwhile, and written once the run ends (GET …/train shows the run)`, { path: name });
  }
}

/**
 * A training checkpoint found the stored model changed by another writer (another replica) since the run last
 * wrote it. The run stops and leaves that change in place rather than overwrite it (409).
 */
export class ModelChangedError extends AppError {
  constructor(name: string, runVersion: number, currentVersion: number, steps: number) {
    super(
      'CONFLICT',
      'MODEL_CHANGED',
      `model '${name}' was changed by another writer during training (the run last wrote version ${runVersion}, the store holds ${currentVersion}); the run stopped after ${steps} steps without overwriting that change`,
      { path: name, currentVersion, steps },
    );
  }
}

/** The client went away (or cancelled) while its training run went on; the model keeps the last completed step. */
export class TrainingCancelledError extends AppError {
  constructor(steps: number, version: number) {
    super('CANCELLED', 'TRAINING_CANCELLED', `the training run was cancelled after ${steps} steps; the model holds that state at version ${version}`, { steps, version });
  }
}

/** No training run of this model is known to this replica. */
export class TrainingRunNotFoundError extends AppError {
  constructor(name: string) {
    super('NOT_FOUND', 'TRAINING_RUN_NOT_FOUND', `no training run of model '${name}' is known to this server`, { path: name });
  }
}
