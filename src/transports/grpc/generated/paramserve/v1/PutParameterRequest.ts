// Original file: proto/paramserve/v1/parameters.proto

import type { Tensor as _paramserve_v1_Tensor, Tensor__Output as _paramserve_v1_Tensor__Output } from '../../paramserve/v1/Tensor.js';
import type { TensorEncoding as _paramserve_v1_TensorEncoding, TensorEncoding__Output as _paramserve_v1_TensorEncoding__Output } from '../../paramserve/v1/TensorEncoding.js';

export interface PutParameterRequest {
  'session_id'?: (string);
  'model'?: (string);
  'parameter'?: (string);
  'data'?: (_paramserve_v1_Tensor | null);
  'if_match'?: (string);
  'encoding'?: (_paramserve_v1_TensorEncoding);
}

export interface PutParameterRequest__Output {
  'session_id': (string);
  'model': (string);
  'parameter': (string);
  'data': (_paramserve_v1_Tensor__Output | null);
  'if_match': (string);
  'encoding': (_paramserve_v1_TensorEncoding__Output);
}
