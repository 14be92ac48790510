// Original file: proto/paramserve/v1/models.proto

import type { Module as _paramserve_v1_Module, Module__Output as _paramserve_v1_Module__Output } from '../../paramserve/v1/Module.js';
import type { ParameterInfo as _paramserve_v1_ParameterInfo, ParameterInfo__Output as _paramserve_v1_ParameterInfo__Output } from '../../paramserve/v1/ParameterInfo.js';
import type { Long } from '@grpc/proto-loader';

export interface Model {
  'name'?: (string);
  /**
   * Increases on every change; what `if_match` is compared with.
   */
  'version'?: (number | string | Long);
  /**
   * A spec that recreates the same model, ties included (canonical form).
   */
  'architecture'?: (_paramserve_v1_Module | null);
  /**
   * Exactly what print(model) prints in PyTorch.
   */
  'summary'?: (string);
  /**
   * named_parameters(): PyTorch's order, tied parameters once.
   */
  'parameters'?: (_paramserve_v1_ParameterInfo)[];
  /**
   * Parameter elements, tied parameters counted once.
   */
  'parameter_count'?: (number | string | Long);
  'training'?: (boolean);
}

export interface Model__Output {
  'name': (string);
  /**
   * Increases on every change; what `if_match` is compared with.
   */
  'version': (number);
  /**
   * A spec that recreates the same model, ties included (canonical form).
   */
  'architecture': (_paramserve_v1_Module__Output | null);
  /**
   * Exactly what print(model) prints in PyTorch.
   */
  'summary': (string);
  /**
   * named_parameters(): PyTorch's order, tied parameters once.
   */
  'parameters': (_paramserve_v1_ParameterInfo__Output)[];
  /**
   * Parameter elements, tied parameters counted once.
   */
  'parameter_count': (number);
  'training': (boolean);
}
