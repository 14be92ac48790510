// Original file: proto/paramserve/v1/parameters.proto


export interface ListParametersRequest {
  'session_id'?: (string);
  'model'?: (string);
  /**
   * A module path; empty is the root.
   */
  'module'?: (string);
}

export interface ListParametersRequest__Output {
  'session_id': (string);
  'model': (string);
  /**
   * A module path; empty is the root.
   */
  'module': (string);
}
