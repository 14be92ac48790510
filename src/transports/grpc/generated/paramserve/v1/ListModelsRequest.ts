// Original file: proto/paramserve/v1/models.proto


export interface ListModelsRequest {
  'session_id'?: (string);
}

export interface ListModelsRequest__Output {
  'session_id': (string);
}
