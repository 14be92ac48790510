// Original file: proto/paramserve/v1/compute.proto

import type { Long } from '@grpc/proto-loader';

export interface BackwardResponse {
  /**
   * The loss value; not set for a backward from grad_output.
   */
  'loss'?: (number | string);
  'version'?: (number | string | Long);
  '_loss'?: "loss";
}

export interface BackwardResponse__Output {
  /**
   * The loss value; not set for a backward from grad_output.
   */
  'loss'?: (number);
  'version': (number);
  '_loss'?: "loss";
}
