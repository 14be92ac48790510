// Original file: proto/paramserve/v1/compute.proto

import type { StepEvent as _paramserve_v1_StepEvent, StepEvent__Output as _paramserve_v1_StepEvent__Output } from '../../paramserve/v1/StepEvent.js';
import type { EpochEvent as _paramserve_v1_EpochEvent, EpochEvent__Output as _paramserve_v1_EpochEvent__Output } from '../../paramserve/v1/EpochEvent.js';
import type { DoneEvent as _paramserve_v1_DoneEvent, DoneEvent__Output as _paramserve_v1_DoneEvent__Output } from '../../paramserve/v1/DoneEvent.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One event of the stream; `id` counts them from 1, as the REST stream's `id:` does.
 */
export interface TrainEvent {
  'id'?: (number | string | Long);
  'step'?: (_paramserve_v1_StepEvent | null);
  'epoch'?: (_paramserve_v1_EpochEvent | null);
  'done'?: (_paramserve_v1_DoneEvent | null);
  'event'?: "step"|"epoch"|"done";
}

/**
 * One event of the stream; `id` counts them from 1, as the REST stream's `id:` does.
 */
export interface TrainEvent__Output {
  'id': (number);
  'step'?: (_paramserve_v1_StepEvent__Output | null);
  'epoch'?: (_paramserve_v1_EpochEvent__Output | null);
  'done'?: (_paramserve_v1_DoneEvent__Output | null);
  'event'?: "step"|"epoch"|"done";
}
