// Original file: proto/paramserve/v1/sessions.proto


export interface DeleteSessionRequest {
  'session_id'?: (string);
}

export interface DeleteSessionRequest__Output {
  'session_id': (string);
}
