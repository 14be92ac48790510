// Original file: proto/paramserve/v1/compute.proto

import type { Long } from '@grpc/proto-loader';

export interface Observe {
  /**
   * A step event every `every` steps (default 1).
   */
  'every'?: (number | string | Long);
  '_every'?: "every";
}

export interface Observe__Output {
  /**
   * A step event every `every` steps (default 1).
   */
  'every'?: (number);
  '_every'?: "every";
}
