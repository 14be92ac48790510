// Original file: proto/paramserve/v1/models.proto


export interface SetTrainingModeRequest {
  'session_id'?: (string);
  'model'?: (string);
  'training'?: (boolean);
  'if_match'?: (string);
  '_training'?: "training";
}

export interface SetTrainingModeRequest__Output {
  'session_id': (string);
  'model': (string);
  'training'?: (boolean);
  'if_match': (string);
  '_training'?: "training";
}
