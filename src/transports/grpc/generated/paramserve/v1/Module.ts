// Original file: proto/paramserve/v1/architecture.proto

import type { Module as _paramserve_v1_Module, Module__Output as _paramserve_v1_Module__Output } from '../../paramserve/v1/Module.js';
import type { SharedModule as _paramserve_v1_SharedModule, SharedModule__Output as _paramserve_v1_SharedModule__Output } from '../../paramserve/v1/SharedModule.js';
import type { ParameterTie as _paramserve_v1_ParameterTie, ParameterTie__Output as _paramserve_v1_ParameterTie__Output } from '../../paramserve/v1/ParameterTie.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One node of an architecture spec: the JSON spec of the REST API, field for
 * field (api.md "Architecture spec"). A node is either a layer (`type` with
 * PyTorch's keyword arguments, and `layers` for a Sequential) or a `ref` to a
 * shared module (the same module object placed at another position: a tie).
 * 
 * nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
 * = {type: "Sequential", layers: [{type: "Linear", in_features: 4, out_features: 8},
 * {type: "ReLU"},
 * {type: "Linear", in_features: 8, out_features: 1}]}
 * 
 * Every scalar field is `optional`: a field that is set is a keyword the
 * client gave; one that is not set takes PyTorch's default. Keywords a layer
 * type does not take are refused naming the node's path, as over REST.
 */
export interface Module {
  /**
   * The child's name in its parent (`add_module` rules: non-empty, no '.');
   * default: its position, as nn.Sequential does.
   */
  'name'?: (string);
  /**
   * PyTorch's class name: Sequential, Linear, ReLU, LeakyReLU, Sigmoid, Tanh,
   * GELU, Softmax, LogSoftmax, Dropout, Flatten, Identity.
   */
  'type'?: (string);
  /**
   * The name of a `shared` module placed here (instead of `type`).
   */
  'ref'?: (string);
  /**
   * The children of a Sequential, in order.
   */
  'layers'?: (_paramserve_v1_Module)[];
  /**
   * Keyword arguments, with PyTorch's names and types.
   */
  'in_features'?: (number | string | Long);
  /**
   * Linear
   */
  'out_features'?: (number | string | Long);
  /**
   * Linear (default true)
   */
  'bias'?: (boolean);
  /**
   * LeakyReLU (default 0.01)
   */
  'negative_slope'?: (number | string);
  /**
   * GELU: "none" (default) or "tanh"
   */
  'approximate'?: (string);
  /**
   * Softmax, LogSoftmax (default None)
   */
  'dim'?: (number | string | Long);
  /**
   * Dropout (default 0.5)
   */
  'p'?: (number | string);
  /**
   * Flatten (default 1)
   */
  'start_dim'?: (number | string | Long);
  /**
   * Flatten (default -1)
   */
  'end_dim'?: (number | string | Long);
  /**
   * Root only: modules declared once, in construction order, placed by `ref`.
   */
  'shared'?: (_paramserve_v1_SharedModule)[];
  /**
   * Root only: parameter-level ties (`parameter` holds the Parameter object at `to`).
   */
  'ties'?: (_paramserve_v1_ParameterTie)[];
  '_name'?: "name";
  '_type'?: "type";
  '_ref'?: "ref";
  '_in_features'?: "in_features";
  '_out_features'?: "out_features";
  '_bias'?: "bias";
  '_negative_slope'?: "negative_slope";
  '_approximate'?: "approximate";
  '_dim'?: "dim";
  '_p'?: "p";
  '_start_dim'?: "start_dim";
  '_end_dim'?: "end_dim";
}

/**
 * One node of an architecture spec: the JSON spec of the REST API, field for
 * field (api.md "Architecture spec"). A node is either a layer (`type` with
 * PyTorch's keyword arguments, and `layers` for a Sequential) or a `ref` to a
 * shared module (the same module object placed at another position: a tie).
 * 
 * nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
 * = {type: "Sequential", layers: [{type: "Linear", in_features: 4, out_features: 8},
 * {type: "ReLU"},
 * {type: "Linear", in_features: 8, out_features: 1}]}
 * 
 * Every scalar field is `optional`: a field that is set is a keyword the
 * client gave; one that is not set takes PyTorch's default. Keywords a layer
 * type does not take are refused naming the node's path, as over REST.
 */
export interface Module__Output {
  /**
   * The child's name in its parent (`add_module` rules: non-empty, no '.');
   * default: its position, as nn.Sequential does.
   */
  'name'?: (string);
  /**
   * PyTorch's class name: Sequential, Linear, ReLU, LeakyReLU, Sigmoid, Tanh,
   * GELU, Softmax, LogSoftmax, Dropout, Flatten, Identity.
   */
  'type'?: (string);
  /**
   * The name of a `shared` module placed here (instead of `type`).
   */
  'ref'?: (string);
  /**
   * The children of a Sequential, in order.
   */
  'layers': (_paramserve_v1_Module__Output)[];
  /**
   * Keyword arguments, with PyTorch's names and types.
   */
  'in_features'?: (number);
  /**
   * Linear
   */
  'out_features'?: (number);
  /**
   * Linear (default true)
   */
  'bias'?: (boolean);
  /**
   * LeakyReLU (default 0.01)
   */
  'negative_slope'?: (number);
  /**
   * GELU: "none" (default) or "tanh"
   */
  'approximate'?: (string);
  /**
   * Softmax, LogSoftmax (default None)
   */
  'dim'?: (number);
  /**
   * Dropout (default 0.5)
   */
  'p'?: (number);
  /**
   * Flatten (default 1)
   */
  'start_dim'?: (number);
  /**
   * Flatten (default -1)
   */
  'end_dim'?: (number);
  /**
   * Root only: modules declared once, in construction order, placed by `ref`.
   */
  'shared': (_paramserve_v1_SharedModule__Output)[];
  /**
   * Root only: parameter-level ties (`parameter` holds the Parameter object at `to`).
   */
  'ties': (_paramserve_v1_ParameterTie__Output)[];
  '_name'?: "name";
  '_type'?: "type";
  '_ref'?: "ref";
  '_in_features'?: "in_features";
  '_out_features'?: "out_features";
  '_bias'?: "bias";
  '_negative_slope'?: "negative_slope";
  '_approximate'?: "approximate";
  '_dim'?: "dim";
  '_p'?: "p";
  '_start_dim'?: "start_dim";
  '_end_dim'?: "end_dim";
}
