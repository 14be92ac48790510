// Original file: proto/paramserve/v1/parameters.proto

import type { Long } from '@grpc/proto-loader';

export interface LoadStateDictResponse {
  'version'?: (number | string | Long);
  'missing_keys'?: (string)[];
  'unexpected_keys'?: (string)[];
}

export interface LoadStateDictResponse__Output {
  'version': (number);
  'missing_keys': (string)[];
  'unexpected_keys': (string)[];
}
