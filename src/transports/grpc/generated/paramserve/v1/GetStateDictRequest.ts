// Original file: proto/paramserve/v1/parameters.proto

import type { TensorEncoding as _paramserve_v1_TensorEncoding, TensorEncoding__Output as _paramserve_v1_TensorEncoding__Output } from '../../paramserve/v1/TensorEncoding.js';

export interface GetStateDictRequest {
  'session_id'?: (string);
  'model'?: (string);
  /**
   * A module path; empty is the root (keys are then relative to it).
   */
  'module'?: (string);
  'encoding'?: (_paramserve_v1_TensorEncoding);
}

export interface GetStateDictRequest__Output {
  'session_id': (string);
  'model': (string);
  /**
   * A module path; empty is the root (keys are then relative to it).
   */
  'module': (string);
  'encoding': (_paramserve_v1_TensorEncoding__Output);
}
