// Original file: proto/paramserve/v1/parameters.proto

import type { ParameterInfo as _paramserve_v1_ParameterInfo, ParameterInfo__Output as _paramserve_v1_ParameterInfo__Output } from '../../paramserve/v1/ParameterInfo.js';
import type { Long } from '@grpc/proto-loader';

export interface ListParametersResponse {
  'parameters'?: (_paramserve_v1_ParameterInfo)[];
  'version'?: (number | string | Long);
}

export interface ListParametersResponse__Output {
  'parameters': (_paramserve_v1_ParameterInfo__Output)[];
  'version': (number);
}
