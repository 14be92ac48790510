// Original file: proto/paramserve/v1/parameters.proto


export interface PutStateDictSafetensorsRequest {
  'session_id'?: (string);
  'model'?: (string);
  'module'?: (string);
  'safetensors'?: (Buffer | Uint8Array | string);
  'strict'?: (boolean);
  'if_match'?: (string);
  '_strict'?: "strict";
}

export interface PutStateDictSafetensorsRequest__Output {
  'session_id': (string);
  'model': (string);
  'module': (string);
  'safetensors': (Buffer);
  'strict'?: (boolean);
  'if_match': (string);
  '_strict'?: "strict";
}
