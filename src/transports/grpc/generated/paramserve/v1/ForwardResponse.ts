// Original file: proto/paramserve/v1/compute.proto

import type { Tensor as _paramserve_v1_Tensor, Tensor__Output as _paramserve_v1_Tensor__Output } from '../../paramserve/v1/Tensor.js';
import type { Long } from '@grpc/proto-loader';

export interface ForwardResponse {
  'output'?: (_paramserve_v1_Tensor | null);
  /**
   * The output's shape (also in `output`).
   */
  'shape'?: (number | string | Long)[];
  /**
   * The autograd node's name (`AddmmBackward0`); not set when nothing requires grad.
   */
  'grad_fn'?: (string);
  /**
   * As PyTorch prints the output, grad_fn included.
   */
  'repr'?: (string);
  'version'?: (number | string | Long);
  '_grad_fn'?: "grad_fn";
}

export interface ForwardResponse__Output {
  'output': (_paramserve_v1_Tensor__Output | null);
  /**
   * The output's shape (also in `output`).
   */
  'shape': (number)[];
  /**
   * The autograd node's name (`AddmmBackward0`); not set when nothing requires grad.
   */
  'grad_fn'?: (string);
  /**
   * As PyTorch prints the output, grad_fn included.
   */
  'repr': (string);
  'version': (number);
  '_grad_fn'?: "grad_fn";
}
