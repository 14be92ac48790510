// Original file: proto/paramserve/v1/parameters.proto

import type { StateDictEntry as _paramserve_v1_StateDictEntry, StateDictEntry__Output as _paramserve_v1_StateDictEntry__Output } from '../../paramserve/v1/StateDictEntry.js';
import type { Long } from '@grpc/proto-loader';

export interface StateDict {
  /**
   * In PyTorch's order.
   */
  'state_dict'?: (_paramserve_v1_StateDictEntry)[];
  'version'?: (number | string | Long);
}

export interface StateDict__Output {
  /**
   * In PyTorch's order.
   */
  'state_dict': (_paramserve_v1_StateDictEntry__Output)[];
  'version': (number);
}
