// Original file: proto/paramserve/v1/compute.proto

import type { Long } from '@grpc/proto-loader';

export interface EpochEvent {
  'epoch'?: (number | string | Long);
  'steps'?: (number | string | Long);
  /**
   * The epoch's batch losses averaged with the batch sizes as weights.
   */
  'loss'?: (number | string);
}

export interface EpochEvent__Output {
  'epoch': (number);
  'steps': (number);
  /**
   * The epoch's batch losses averaged with the batch sizes as weights.
   */
  'loss': (number);
}
