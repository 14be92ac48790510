// Original file: proto/paramserve/v1/parameters.proto

import type { EditOp as _paramserve_v1_EditOp, EditOp__Output as _paramserve_v1_EditOp__Output } from '../../paramserve/v1/EditOp.js';
import type { Tensor as _paramserve_v1_Tensor, Tensor__Output as _paramserve_v1_Tensor__Output } from '../../paramserve/v1/Tensor.js';
import type { TensorEncoding as _paramserve_v1_TensorEncoding, TensorEncoding__Output as _paramserve_v1_TensorEncoding__Output } from '../../paramserve/v1/TensorEncoding.js';

export interface PatchParameterRequest {
  'session_id'?: (string);
  'model'?: (string);
  'parameter'?: (string);
  /**
   * A PyTorch index string: ":", "0, 0", ":2", "-1", "..., 1", "1:3, ::2";
   * not set or empty: the whole tensor. Parsed, never evaluated.
   */
  'index'?: (string);
  'op'?: (_paramserve_v1_EditOp);
  'scalar'?: (number | string);
  'tensor'?: (_paramserve_v1_Tensor | null);
  /**
   * Freeze (false) or unfreeze (true) the parameter.
   */
  'requires_grad'?: (boolean);
  'if_match'?: (string);
  'encoding'?: (_paramserve_v1_TensorEncoding);
  '_index'?: "index";
  /**
   * A Python number, or a tensor broadcastable to the indexed region.
   */
  'value'?: "scalar"|"tensor";
  '_requires_grad'?: "requires_grad";
}

export interface PatchParameterRequest__Output {
  'session_id': (string);
  'model': (string);
  'parameter': (string);
  /**
   * A PyTorch index string: ":", "0, 0", ":2", "-1", "..., 1", "1:3, ::2";
   * not set or empty: the whole tensor. Parsed, never evaluated.
   */
  'index'?: (string);
  'op': (_paramserve_v1_EditOp__Output);
  'scalar'?: (number);
  'tensor'?: (_paramserve_v1_Tensor__Output | null);
  /**
   * Freeze (false) or unfreeze (true) the parameter.
   */
  'requires_grad'?: (boolean);
  'if_match': (string);
  'encoding': (_paramserve_v1_TensorEncoding__Output);
  '_index'?: "index";
  /**
   * A Python number, or a tensor broadcastable to the indexed region.
   */
  'value'?: "scalar"|"tensor";
  '_requires_grad'?: "requires_grad";
}
