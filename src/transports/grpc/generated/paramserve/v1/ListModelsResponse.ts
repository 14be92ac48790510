// Original file: proto/paramserve/v1/models.proto

import type { ModelSummary as _paramserve_v1_ModelSummary, ModelSummary__Output as _paramserve_v1_ModelSummary__Output } from '../../paramserve/v1/ModelSummary.js';

export interface ListModelsResponse {
  'models'?: (_paramserve_v1_ModelSummary)[];
}

export interface ListModelsResponse__Output {
  'models': (_paramserve_v1_ModelSummary__Output)[];
}
