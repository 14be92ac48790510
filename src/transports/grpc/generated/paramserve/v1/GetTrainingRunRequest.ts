// Original file: proto/paramserve/v1/compute.proto


export interface GetTrainingRunRequest {
  'session_id'?: (string);
  'model'?: (string);
}

export interface GetTrainingRunRequest__Output {
  'session_id': (string);
  'model': (string);
}
