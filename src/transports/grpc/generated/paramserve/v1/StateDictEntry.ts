// Original file: proto/paramserve/v1/parameters.proto

import type { Tensor as _paramserve_v1_Tensor, Tensor__Output as _paramserve_v1_Tensor__Output } from '../../paramserve/v1/Tensor.js';

export interface StateDictEntry {
  'key'?: (string);
  'value'?: (_paramserve_v1_Tensor | null);
}

export interface StateDictEntry__Output {
  'key': (string);
  'value': (_paramserve_v1_Tensor__Output | null);
}
