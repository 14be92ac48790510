// Original file: proto/paramserve/v1/compute.proto

import type { Tensor as _paramserve_v1_Tensor, Tensor__Output as _paramserve_v1_Tensor__Output } from '../../paramserve/v1/Tensor.js';
import type { TensorEncoding as _paramserve_v1_TensorEncoding, TensorEncoding__Output as _paramserve_v1_TensorEncoding__Output } from '../../paramserve/v1/TensorEncoding.js';
import type { Long } from '@grpc/proto-loader';

export interface ForwardRequest {
  'session_id'?: (string);
  'model'?: (string);
  'input'?: (_paramserve_v1_Tensor | null);
  /**
   * Seeds the dropout masks (train mode only).
   */
  'seed'?: (number | string | Long);
  'encoding'?: (_paramserve_v1_TensorEncoding);
  '_seed'?: "seed";
}

export interface ForwardRequest__Output {
  'session_id': (string);
  'model': (string);
  'input': (_paramserve_v1_Tensor__Output | null);
  /**
   * Seeds the dropout masks (train mode only).
   */
  'seed'?: (number);
  'encoding': (_paramserve_v1_TensorEncoding__Output);
  '_seed'?: "seed";
}
