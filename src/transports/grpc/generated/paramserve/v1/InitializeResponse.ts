// Original file: proto/paramserve/v1/parameters.proto

import type { InitializedParameter as _paramserve_v1_InitializedParameter, InitializedParameter__Output as _paramserve_v1_InitializedParameter__Output } from '../../paramserve/v1/InitializedParameter.js';
import type { Long } from '@grpc/proto-loader';

export interface InitializeResponse {
  'version'?: (number | string | Long);
  /**
   * What was initialised, in order: full dotted names.
   */
  'initialized'?: (_paramserve_v1_InitializedParameter)[];
}

export interface InitializeResponse__Output {
  'version': (number);
  /**
   * What was initialised, in order: full dotted names.
   */
  'initialized': (_paramserve_v1_InitializedParameter__Output)[];
}
