// Original file: proto/paramserve/v1/sessions.proto


export interface GetSessionRequest {
  'session_id'?: (string);
}

export interface GetSessionRequest__Output {
  'session_id': (string);
}
