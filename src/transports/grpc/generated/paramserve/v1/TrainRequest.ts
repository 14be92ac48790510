// Original file: proto/paramserve/v1/compute.proto

import type { Optimizer as _paramserve_v1_Optimizer, Optimizer__Output as _paramserve_v1_Optimizer__Output } from '../../paramserve/v1/Optimizer.js';
import type { Loss as _paramserve_v1_Loss, Loss__Output as _paramserve_v1_Loss__Output } from '../../paramserve/v1/Loss.js';
import type { Tensor as _paramserve_v1_Tensor, Tensor__Output as _paramserve_v1_Tensor__Output } from '../../paramserve/v1/Tensor.js';
import type { Observe as _paramserve_v1_Observe, Observe__Output as _paramserve_v1_Observe__Output } from '../../paramserve/v1/Observe.js';
import type { Long } from '@grpc/proto-loader';

export interface TrainRequest {
  'session_id'?: (string);
  'model'?: (string);
  'optimizer'?: (_paramserve_v1_Optimizer | null);
  /**
   * LOSS_MSE, LOSS_L1, LOSS_CROSS_ENTROPY or LOSS_BCE_WITH_LOGITS.
   */
  'loss'?: (_paramserve_v1_Loss);
  /**
   * One sample per row [N, ...].
   */
  'inputs'?: (_paramserve_v1_Tensor | null);
  /**
   * One target per row [N, ...] (class indices [N] for cross_entropy).
   */
  'targets'?: (_paramserve_v1_Tensor | null);
  'epochs'?: (number | string | Long);
  /**
   * Rows per step; the last batch of an epoch may be shorter.
   */
  'batch_size'?: (number | string | Long);
  /**
   * torch.randperm(N) at the start of every epoch.
   */
  'shuffle'?: (boolean);
  /**
   * torch.manual_seed(seed) before the first epoch (shuffling, Dropout).
   */
  'seed'?: (number | string | Long);
  /**
   * Set: step events carry the statistics of every parameter's value and gradient.
   */
  'observe'?: (_paramserve_v1_Observe | null);
  /**
   * Stop after this many optimizer steps.
   */
  'max_steps'?: (number | string | Long);
  'if_match'?: (string);
  '_seed'?: "seed";
  '_max_steps'?: "max_steps";
}

export interface TrainRequest__Output {
  'session_id': (string);
  'model': (string);
  'optimizer': (_paramserve_v1_Optimizer__Output | null);
  /**
   * LOSS_MSE, LOSS_L1, LOSS_CROSS_ENTROPY or LOSS_BCE_WITH_LOGITS.
   */
  'loss': (_paramserve_v1_Loss__Output);
  /**
   * One sample per row [N, ...].
   */
  'inputs': (_paramserve_v1_Tensor__Output | null);
  /**
   * One target per row [N, ...] (class indices [N] for cross_entropy).
   */
  'targets': (_paramserve_v1_Tensor__Output | null);
  'epochs': (number);
  /**
   * Rows per step; the last batch of an epoch may be shorter.
   */
  'batch_size': (number);
  /**
   * torch.randperm(N) at the start of every epoch.
   */
  'shuffle': (boolean);
  /**
   * torch.manual_seed(seed) before the first epoch (shuffling, Dropout).
   */
  'seed'?: (number);
  /**
   * Set: step events carry the statistics of every parameter's value and gradient.
   */
  'observe': (_paramserve_v1_Observe__Output | null);
  /**
   * Stop after this many optimizer steps.
   */
  'max_steps'?: (number);
  'if_match': (string);
  '_seed'?: "seed";
  '_max_steps'?: "max_steps";
}
