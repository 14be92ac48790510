import { STATUS_CODES } from 'node:http';
import type { AppError, ErrorCategory } from '../../errors/index.js';

/** The one table from error category to HTTP status; the compiler flags a missing category. */
export const HTTP_STATUS: Record<ErrorCategory, number> = {
  MALFORMED: 400,
  INVALID: 422,
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  VERSION_CONFLICT: 412,
  CONFLICT: 409,
  TOO_LARGE: 413,
  LIMIT: 422,
  QUOTA: 429,
  CANCELLED: 499,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  [extra: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://paramserve.dev/problems/';

/**
 * RFC 9457 problem+json for an AppError: `code` is what clients branch on; details (field, path, limit) ride along.
 * A detail never replaces a standard member (UnknownModuleTypeError's `type` detail would otherwise replace the problem type).
 */
export function problemOf(error: AppError, instance?: string): Problem {
  const status = HTTP_STATUS[error.category];
  const problem: Problem = {
    type: PROBLEM_TYPE_BASE + error.code.toLowerCase().replace(/_/g, '-'),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: error.message,
    code: error.code,
    ...(instance === undefined ? {} : { instance }),
  };
  for (const [key, value] of Object.entries(error.details)) if (!Object.hasOwn(problem, key)) problem[key] = value;
  return problem;
}

/** What a 5xx that is a bug looks like from outside: nothing of the internals. */
export function internalProblem(requestId: string): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}internal`,
    title: 'Internal Server Error',
    status: 500,
    detail: `internal error; quote request id ${requestId} when reporting it`,
    code: 'INTERNAL',
  };
}
