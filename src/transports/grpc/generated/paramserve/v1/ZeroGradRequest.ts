// Original file: proto/paramserve/v1/compute.proto


export interface ZeroGradRequest {
  'session_id'?: (string);
  'model'?: (string);
  /**
   * Default true: gradients become None, as PyTorch 2.x.
   */
  'set_to_none'?: (boolean);
  'if_match'?: (string);
  '_set_to_none'?: "set_to_none";
}

export interface ZeroGradRequest__Output {
  'session_id': (string);
  'model': (string);
  /**
   * Default true: gradients become None, as PyTorch 2.x.
   */
  'set_to_none'?: (boolean);
  'if_match': (string);
  '_set_to_none'?: "set_to_none";
}
