// Original file: proto/paramserve/v1/models.proto

import type { Module as _paramserve_v1_Module, Module__Output as _paramserve_v1_Module__Output } from '../../paramserve/v1/Module.js';
import type { Long } from '@grpc/proto-loader';

export interface CreateModelRequest {
  'session_id'?: (string);
  'name'?: (string);
  'architecture'?: (_paramserve_v1_Module | null);
  /**
   * torch.manual_seed(seed) before construction.
   */
  'seed'?: (number | string | Long);
  '_seed'?: "seed";
}

export interface CreateModelRequest__Output {
  'session_id': (string);
  'name': (string);
  'architecture': (_paramserve_v1_Module__Output | null);
  /**
   * torch.manual_seed(seed) before construction.
   */
  'seed'?: (number);
  '_seed'?: "seed";
}
