// Original file: proto/paramserve/v1/compute.proto

import type { Long } from '@grpc/proto-loader';

export interface ZeroGradResponse {
  'version'?: (number | string | Long);
}

export interface ZeroGradResponse__Output {
  'version': (number);
}
