// Original file: proto/paramserve/v1/architecture.proto

import type { Module as _paramserve_v1_Module, Module__Output as _paramserve_v1_Module__Output } from '../../paramserve/v1/Module.js';

/**
 * A module declared once at the root and placed wherever a `ref` names it.
 */
export interface SharedModule {
  'name'?: (string);
  'module'?: (_paramserve_v1_Module | null);
}

/**
 * A module declared once at the root and placed wherever a `ref` names it.
 */
export interface SharedModule__Output {
  'name': (string);
  'module': (_paramserve_v1_Module__Output | null);
}
