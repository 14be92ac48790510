/**
 * The one error hierarchy. Every error a client can cause is an AppError with a
 * stable UPPER_SNAKE `code` (what clients branch on) and a `category` that the
 * transports map exactly once: to an HTTP status + problem+json, and to a gRPC
 * status. Anything thrown that is not an AppError is a bug.
 */

/**
 * Finer than gRPC's canonical codes because HTTP needs to tell apart cases that
 * gRPC folds together (400 vs 422, 413 vs 429).
 */
export type ErrorCategory =
  | 'MALFORMED' // the request cannot be read: bad JSON, wrong field type
  | 'INVALID' // readable but semantically wrong: shape mismatch, bad index, unknown layer
  | 'UNAUTHENTICATED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'VERSION_CONFLICT' // If-Match / expected version did not match
  | 'CONFLICT' // the resource is busy or changed under the request (a training run owns the model)
  | 'TOO_LARGE' // a request body or message over the transport limit
  | 'LIMIT' // a size limit of a model or tensor
  | 'QUOTA' // a count quota: sessions, models per session, concurrent runs
  | 'CANCELLED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export interface ErrorDetails {
  /** The request field that is wrong, as a JSON path (`layers[2].out_features`). */
  field?: string;
  /** The model path (module or parameter) the error is about. */
  path?: string;
  /** The limit that was exceeded and its value. */
  limit?: string;
  limitValue?: number;
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly code: string;
  readonly category: ErrorCategory;
  readonly details: ErrorDetails;

  constructor(category: ErrorCategory, code: string, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.category = category;
    this.code = code;
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
