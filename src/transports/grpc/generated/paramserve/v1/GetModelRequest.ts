// Original file: proto/paramserve/v1/models.proto


export interface GetModelRequest {
  'session_id'?: (string);
  'model'?: (string);
}

export interface GetModelRequest__Output {
  'session_id': (string);
  'model': (string);
}
