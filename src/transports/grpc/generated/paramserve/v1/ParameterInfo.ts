// Original file: proto/paramserve/v1/models.proto

import type { Long } from '@grpc/proto-loader';

export interface ParameterInfo {
  'name'?: (string);
  'shape'?: (number | string | Long)[];
  'requires_grad'?: (boolean);
}

export interface ParameterInfo__Output {
  'name': (string);
  'shape': (number)[];
  'requires_grad': (boolean);
}
