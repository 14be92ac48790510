import { Metadata, status, type StatusObject } from '@grpc/grpc-js';
import type { AppError, ErrorCategory } from '../../errors/index.js';
import { encodeStatus } from './wire/status-details.js';

/**
 * The one table from error category to gRPC status (google.rpc.Code); the
 * compiler flags a missing category. REST's table is HTTP_STATUS.
 */
export const GRPC_STATUS: Record<ErrorCategory, status> = {
  MALFORMED: status.INVALID_ARGUMENT,
  INVALID: status.INVALID_ARGUMENT,
  UNAUTHENTICATED: status.UNAUTHENTICATED,
  NOT_FOUND: status.NOT_FOUND,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
  // code.proto: "Use ABORTED if the client should retry at a higher level (e.g., when a
  // client-specified test-and-set fails, indicating the client should restart a
  // read-modify-write sequence)": exactly a failed If-Match.
  VERSION_CONFLICT: status.ABORTED,
  // A model busy with (or changed under) a training run: a concurrency conflict, retried later.
  CONFLICT: status.ABORTED,
  // What grpc-js itself answers for a message over the size limit.
  TOO_LARGE: status.RESOURCE_EXHAUSTED,
  // A fixed cap on a tensor or model: the request is wrong whatever the server's state, so not retryable.
  LIMIT: status.INVALID_ARGUMENT,
  QUOTA: status.RESOURCE_EXHAUSTED,
  CANCELLED: status.CANCELLED,
  UNAVAILABLE: status.UNAVAILABLE,
  INTERNAL: status.INTERNAL,
};

export const ERROR_DOMAIN = 'paramserve.dev';

/** REST names fields in camelCase JSON and headers; gRPC clients know the proto's snake_case names. */
export function grpcFieldName(field: string): string {
  if (field === 'If-Match') return 'if_match';
  const m = /^([A-Za-z]+)(.*)$/s.exec(field);
  return m === null ? field : m[1].replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) + m[2];
}

/** ErrorInfo.metadata is map<string, string>: strings as they are, anything else as JSON. */
function metadataOf(error: AppError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(error.details)) {
    if (value === undefined) continue;
    out[key] = key === 'field' && typeof value === 'string' ? grpcFieldName(value) : typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

/** An AppError as the status a client receives: code, message, and google.rpc.Status{ErrorInfo{reason: code}} in the trailer. */
export function serviceErrorOf(error: AppError, trailer = new Metadata()): Partial<StatusObject> {
  const code = GRPC_STATUS[error.category];
  trailer.set('grpc-status-details-bin', encodeStatus(code, error.message, { reason: error.code, domain: ERROR_DOMAIN, metadata: metadataOf(error) }));
  return { code, details: error.message, metadata: trailer };
}

/** What a bug looks like from outside: nothing of the internals, a request id to quote. */
export function internalServiceError(requestId: string, trailer = new Metadata()): Partial<StatusObject> {
  const message = `internal error; quote request id ${requestId} when reporting it`;
  trailer.set('grpc-status-details-bin', encodeStatus(status.INTERNAL, message, { reason: 'INTERNAL', domain: ERROR_DOMAIN, metadata: {} }));
  return { code: status.INTERNAL, details: message, metadata: trailer };
}
