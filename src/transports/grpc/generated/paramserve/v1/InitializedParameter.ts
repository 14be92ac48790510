// Original file: proto/paramserve/v1/parameters.proto

import type { Long } from '@grpc/proto-loader';

export interface InitializedParameter {
  'name'?: (string);
  'shape'?: (number | string | Long)[];
  'initializer'?: (string);
}

export interface InitializedParameter__Output {
  'name': (string);
  'shape': (number)[];
  'initializer': (string);
}
