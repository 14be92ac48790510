// Original file: proto/paramserve/v1/compute.proto

import type { Long } from '@grpc/proto-loader';

export interface DoneEvent {
  /**
   * "completed"
   */
  'status'?: (string);
  'run_id'?: (string);
  'steps'?: (number | string | Long);
  'epochs'?: (number | string | Long);
  /**
   * The last step's loss.
   */
  'loss'?: (number | string);
  /**
   * The model version that holds the trained parameters.
   */
  'version'?: (number | string | Long);
}

export interface DoneEvent__Output {
  /**
   * "completed"
   */
  'status': (string);
  'run_id': (string);
  'steps': (number);
  'epochs': (number);
  /**
   * The last step's loss.
   */
  'loss': (number);
  /**
   * The model version that holds the trained parameters.
   */
  'version': (number);
}
