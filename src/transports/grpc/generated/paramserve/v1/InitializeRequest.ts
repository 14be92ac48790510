// Original file: proto/paramserve/v1/parameters.proto

import type { Initializer as _paramserve_v1_Initializer, Initializer__Output as _paramserve_v1_Initializer__Output } from '../../paramserve/v1/Initializer.js';
import type { Long } from '@grpc/proto-loader';

export interface InitializeRequest {
  'session_id'?: (string);
  'model'?: (string);
  /**
   * The subtree; empty is the root.
   */
  'module'?: (string);
  /**
   * Module types to initialise (e.g. "Linear"); empty: every module that has the role.
   */
  'module_types'?: (string)[];
  /**
   * The initializer per parameter role; a role not set is untouched.
   */
  'weight'?: (_paramserve_v1_Initializer | null);
  'bias'?: (_paramserve_v1_Initializer | null);
  /**
   * torch.manual_seed(seed) before apply.
   */
  'seed'?: (number | string | Long);
  'if_match'?: (string);
  '_seed'?: "seed";
}

export interface InitializeRequest__Output {
  'session_id': (string);
  'model': (string);
  /**
   * The subtree; empty is the root.
   */
  'module': (string);
  /**
   * Module types to initialise (e.g. "Linear"); empty: every module that has the role.
   */
  'module_types': (string)[];
  /**
   * The initializer per parameter role; a role not set is untouched.
   */
  'weight': (_paramserve_v1_Initializer__Output | null);
  'bias': (_paramserve_v1_Initializer__Output | null);
  /**
   * torch.manual_seed(seed) before apply.
   */
  'seed'?: (number);
  'if_match': (string);
  '_seed'?: "seed";
}
