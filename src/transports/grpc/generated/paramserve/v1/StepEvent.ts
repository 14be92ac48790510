// Original file: proto/paramserve/v1/compute.proto

import type { ParameterStats as _paramserve_v1_ParameterStats, ParameterStats__Output as _paramserve_v1_ParameterStats__Output } from '../../paramserve/v1/ParameterStats.js';
import type { Long } from '@grpc/proto-loader';

export interface StepEvent {
  /**
   * Optimizer steps done so far (1, 2, ...).
   */
  'step'?: (number | string | Long);
  /**
   * 1-based epoch and batch within it.
   */
  'epoch'?: (number | string | Long);
  'batch'?: (number | string | Long);
  /**
   * The batch's loss, before the update.
   */
  'loss'?: (number | string);
  /**
   * With `observe`: every parameter, tied ones once.
   */
  'parameters'?: (_paramserve_v1_ParameterStats)[];
}

export interface StepEvent__Output {
  /**
   * Optimizer steps done so far (1, 2, ...).
   */
  'step': (number);
  /**
   * 1-based epoch and batch within it.
   */
  'epoch': (number);
  'batch': (number);
  /**
   * The batch's loss, before the update.
   */
  'loss': (number);
  /**
   * With `observe`: every parameter, tied ones once.
   */
  'parameters': (_paramserve_v1_ParameterStats__Output)[];
}
