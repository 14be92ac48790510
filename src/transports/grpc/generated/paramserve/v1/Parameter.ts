// Original file: proto/paramserve/v1/parameters.proto

import type { Tensor as _paramserve_v1_Tensor, Tensor__Output as _paramserve_v1_Tensor__Output } from '../../paramserve/v1/Tensor.js';
import type { Long } from '@grpc/proto-loader';

export interface Parameter {
  /**
   * The canonical dotted name (a tied alias keeps the requested name).
   */
  'name'?: (string);
  'shape'?: (number | string | Long)[];
  'dtype'?: (string);
  'requires_grad'?: (boolean);
  'data'?: (_paramserve_v1_Tensor | null);
  /**
   * Not set until a backward has run (PyTorch's `grad is None`).
   */
  'grad'?: (_paramserve_v1_Tensor | null);
  /**
   * Exactly what print(param) prints in PyTorch.
   */
  'repr'?: (string);
  /**
   * For a tied alias (`4.weight`): the name the parameter is listed under (`2.weight`).
   */
  'tied_to'?: (string);
  'version'?: (number | string | Long);
  '_tied_to'?: "tied_to";
}

export interface Parameter__Output {
  /**
   * The canonical dotted name (a tied alias keeps the requested name).
   */
  'name': (string);
  'shape': (number)[];
  'dtype': (string);
  'requires_grad': (boolean);
  'data': (_paramserve_v1_Tensor__Output | null);
  /**
   * Not set until a backward has run (PyTorch's `grad is None`).
   */
  'grad': (_paramserve_v1_Tensor__Output | null);
  /**
   * Exactly what print(param) prints in PyTorch.
   */
  'repr': (string);
  /**
   * For a tied alias (`4.weight`): the name the parameter is listed under (`2.weight`).
   */
  'tied_to'?: (string);
  'version': (number);
  '_tied_to'?: "tied_to";
}
