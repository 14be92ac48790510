// Original file: proto/paramserve/v1/models.proto

import type { Long } from '@grpc/proto-loader';

export interface ModelSummary {
  'name'?: (string);
  'version'?: (number | string | Long);
  'parameter_count'?: (number | string | Long);
}

export interface ModelSummary__Output {
  'name': (string);
  'version': (number);
  'parameter_count': (number);
}
