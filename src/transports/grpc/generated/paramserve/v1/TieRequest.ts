// Original file: proto/paramserve/v1/models.proto


export interface TieRequest {
  'session_id'?: (string);
  'model'?: (string);
  /**
   * A module path to make the same object as `to` (types and shapes must match).
   */
  'module'?: (string);
  /**
   * A parameter name to make the same Parameter as `to`.
   */
  'parameter'?: (string);
  'to'?: (string);
  'if_match'?: (string);
  'what'?: "module"|"parameter";
}

export interface TieRequest__Output {
  'session_id': (string);
  'model': (string);
  /**
   * A module path to make the same object as `to` (types and shapes must match).
   */
  'module'?: (string);
  /**
   * A parameter name to make the same Parameter as `to`.
   */
  'parameter'?: (string);
  'to': (string);
  'if_match': (string);
  'what'?: "module"|"parameter";
}
