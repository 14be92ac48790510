// Original file: proto/google/rpc/status.proto

import type { Any as _google_protobuf_Any, Any__Output as _google_protobuf_Any__Output } from '../../google/protobuf/Any.js';

/**
 * The error model of gRPC APIs: a status code, a developer-facing message,
 * and typed details (paramserve sends one google.rpc.ErrorInfo).
 */
export interface Status {
  /**
   * The status code, a value of google.rpc.Code.
   */
  'code'?: (number);
  /**
   * A developer-facing error message, in English.
   */
  'message'?: (string);
  /**
   * Messages that carry the error details.
   */
  'details'?: (_google_protobuf_Any)[];
}

/**
 * The error model of gRPC APIs: a status code, a developer-facing message,
 * and typed details (paramserve sends one google.rpc.ErrorInfo).
 */
export interface Status__Output {
  /**
   * The status code, a value of google.rpc.Code.
   */
  'code': (number);
  /**
   * A developer-facing error message, in English.
   */
  'message': (string);
  /**
   * Messages that carry the error details.
   */
  'details': (_google_protobuf_Any__Output)[];
}
