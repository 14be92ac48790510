// Original file: proto/paramserve/v1/compute.proto

import type { Tensor as _paramserve_v1_Tensor, Tensor__Output as _paramserve_v1_Tensor__Output } from '../../paramserve/v1/Tensor.js';
import type { Loss as _paramserve_v1_Loss, Loss__Output as _paramserve_v1_Loss__Output } from '../../paramserve/v1/Loss.js';
import type { Long } from '@grpc/proto-loader';

export interface BackwardRequest {
  'session_id'?: (string);
  'model'?: (string);
  'input'?: (_paramserve_v1_Tensor | null);
  /**
   * A loss, or else `grad_output` (not both).
   */
  'loss'?: (_paramserve_v1_Loss);
  /**
   * Required by mse, l1, cross_entropy, bce_with_logits.
   */
  'target'?: (_paramserve_v1_Tensor | null);
  /**
   * output.backward(grad_output), instead of a loss.
   */
  'grad_output'?: (_paramserve_v1_Tensor | null);
  'seed'?: (number | string | Long);
  'if_match'?: (string);
  '_seed'?: "seed";
}

export interface BackwardRequest__Output {
  'session_id': (string);
  'model': (string);
  'input': (_paramserve_v1_Tensor__Output | null);
  /**
   * A loss, or else `grad_output` (not both).
   */
  'loss': (_paramserve_v1_Loss__Output);
  /**
   * Required by mse, l1, cross_entropy, bce_with_logits.
   */
  'target': (_paramserve_v1_Tensor__Output | null);
  /**
   * output.backward(grad_output), instead of a loss.
   */
  'grad_output': (_paramserve_v1_Tensor__Output | null);
  'seed'?: (number);
  'if_match': (string);
  '_seed'?: "seed";
}
