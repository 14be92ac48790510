// Original file: proto/google/rpc/error_details.proto


/**
 * The reason of an error, with structured details.
 * 
 * paramserve sets `reason` to the same UPPER_SNAKE `code` its REST API puts in
 * problem+json (SHAPE_MISMATCH, VERSION_MISMATCH, ...), `domain` to
 * "paramserve.dev", and `metadata` to the error's details: `field` (the
 * request field at fault), `path` (the module or parameter path), `limit` and
 * `limitValue` (the configured limit that was exceeded), and so on.
 */
export interface ErrorInfo {
  /**
   * The reason of the error: a constant value that identifies its proximate cause.
   */
  'reason'?: (string);
  /**
   * The logical grouping to which the reason belongs.
   */
  'domain'?: (string);
  /**
   * Additional structured details about this error.
   */
  'metadata'?: ({[key: string]: string});
}

/**
 * The reason of an error, with structured details.
 * 
 * paramserve sets `reason` to the same UPPER_SNAKE `code` its REST API puts in
 * problem+json (SHAPE_MISMATCH, VERSION_MISMATCH, ...), `domain` to
 * "paramserve.dev", and `metadata` to the error's details: `field` (the
 * request field at fault), `path` (the module or parameter path), `limit` and
 * `limitValue` (the configured limit that was exceeded), and so on.
 */
export interface ErrorInfo__Output {
  /**
   * The reason of the error: a constant value that identifies its proximate cause.
   */
  'reason': (string);
  /**
   * The logical grouping to which the reason belongs.
   */
  'domain': (string);
  /**
   * Additional structured details about this error.
   */
  'metadata': ({[key: string]: string});
}
