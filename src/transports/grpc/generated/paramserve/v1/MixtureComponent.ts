// Original file: proto/paramserve/v1/initializer.proto

import type { Initializer as _paramserve_v1_Initializer, Initializer__Output as _paramserve_v1_Initializer__Output } from '../../paramserve/v1/Initializer.js';

/**
 * One part of a mixture: an element comes from `init` with probability `weight`.
 */
export interface MixtureComponent {
  'weight'?: (number | string);
  'init'?: (_paramserve_v1_Initializer | null);
  '_weight'?: "weight";
}

/**
 * One part of a mixture: an element comes from `init` with probability `weight`.
 */
export interface MixtureComponent__Output {
  'weight'?: (number);
  'init': (_paramserve_v1_Initializer__Output | null);
  '_weight'?: "weight";
}
