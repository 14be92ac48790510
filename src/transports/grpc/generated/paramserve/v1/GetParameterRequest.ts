// Original file: proto/paramserve/v1/parameters.proto

import type { TensorEncoding as _paramserve_v1_TensorEncoding, TensorEncoding__Output as _paramserve_v1_TensorEncoding__Output } from '../../paramserve/v1/TensorEncoding.js';

export interface GetParameterRequest {
  'session_id'?: (string);
  'model'?: (string);
  /**
   * A dotted parameter name, by any alias (`0.1.0.bias`, `-1.weight`).
   */
  'parameter'?: (string);
  'encoding'?: (_paramserve_v1_TensorEncoding);
}

export interface GetParameterRequest__Output {
  'session_id': (string);
  'model': (string);
  /**
   * A dotted parameter name, by any alias (`0.1.0.bias`, `-1.weight`).
   */
  'parameter': (string);
  'encoding': (_paramserve_v1_TensorEncoding__Output);
}
