// Original file: proto/paramserve/v1/models.proto


export interface DeleteModelRequest {
  'session_id'?: (string);
  'model'?: (string);
  'if_match'?: (string);
}

export interface DeleteModelRequest__Output {
  'session_id': (string);
  'model': (string);
  'if_match': (string);
}
