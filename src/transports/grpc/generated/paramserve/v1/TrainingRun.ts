// Original file: proto/paramserve/v1/compute.proto

import type { Long } from '@grpc/proto-loader';

export interface TrainingRun {
  'run_id'?: (string);
  /**
   * running, completed, cancelled or failed.
   */
  'status'?: (string);
  /**
   * Steps done; once the run ended, exactly the steps the stored model holds.
   */
  'steps'?: (number | string | Long);
  'total_steps'?: (number | string | Long);
  'epochs'?: (number | string | Long);
  /**
   * The latest step's loss; unset before the first.
   */
  'loss'?: (number | string);
  /**
   * The latest version the run wrote.
   */
  'version'?: (number | string | Long);
  /**
   * RFC 3339.
   */
  'started_at'?: (string);
  'finished_at'?: (string);
  /**
   * Why the run did not complete: the error's code (TRAINING_CANCELLED, MODEL_CHANGED, ...) and message.
   */
  'error_code'?: (string);
  'error_detail'?: (string);
  '_loss'?: "loss";
  '_finished_at'?: "finished_at";
  '_error_code'?: "error_code";
  '_error_detail'?: "error_detail";
}

export interface TrainingRun__Output {
  'run_id': (string);
  /**
   * running, completed, cancelled or failed.
   */
  'status': (string);
  /**
   * Steps done; once the run ended, exactly the steps the stored model holds.
   */
  'steps': (number);
  'total_steps': (number);
  'epochs': (number);
  /**
   * The latest step's loss; unset before the first.
   */
  'loss'?: (number);
  /**
   * The latest version the run wrote.
   */
  'version': (number);
  /**
   * RFC 3339.
   */
  'started_at': (string);
  'finished_at'?: (string);
  /**
   * Why the run did not complete: the error's code (TRAINING_CANCELLED, MODEL_CHANGED, ...) and message.
   */
  'error_code'?: (string);
  'error_detail'?: (string);
  '_loss'?: "loss";
  '_finished_at'?: "finished_at";
  '_error_code'?: "error_code";
  '_error_detail'?: "error_detail";
}
