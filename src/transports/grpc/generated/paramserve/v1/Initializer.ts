// Original file: proto/paramserve/v1/initializer.proto

import type { MixtureComponent as _paramserve_v1_MixtureComponent, MixtureComponent__Output as _paramserve_v1_MixtureComponent__Output } from '../../paramserve/v1/MixtureComponent.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A torch.nn.init initializer by name (without the underscore) with its
 * keyword arguments, as the REST API's JSON (api.md "Initialization"):
 * uniform{a,b}, normal{mean,std}, trunc_normal{mean,std,a,b}, constant{val},
 * ones, zeros, eye, dirac{groups}, xavier_uniform{gain}, xavier_normal{gain},
 * kaiming_uniform{a,mode,nonlinearity}, kaiming_normal{a,mode,nonlinearity},
 * orthogonal{gain}, sparse{sparsity,std}, default (the layer's own reset), and
 * mixture{components}: each element drawn from one component chosen with
 * probability `weight` (the weights sum to 1).
 * 
 * Every scalar field is `optional`: one that is not set takes PyTorch's
 * default; one the initializer does not take is refused.
 */
export interface Initializer {
  'name'?: (string);
  'a'?: (number | string);
  'b'?: (number | string);
  'mean'?: (number | string);
  'std'?: (number | string);
  'val'?: (number | string);
  'gain'?: (number | string);
  'sparsity'?: (number | string);
  'groups'?: (number | string | Long);
  /**
   * "fan_in" or "fan_out"
   */
  'mode'?: (string);
  /**
   * a name of torch.nn.init.calculate_gain's table
   */
  'nonlinearity'?: (string);
  /**
   * mixture only.
   */
  'components'?: (_paramserve_v1_MixtureComponent)[];
  '_name'?: "name";
  '_a'?: "a";
  '_b'?: "b";
  '_mean'?: "mean";
  '_std'?: "std";
  '_val'?: "val";
  '_gain'?: "gain";
  '_sparsity'?: "sparsity";
  '_groups'?: "groups";
  '_mode'?: "mode";
  '_nonlinearity'?: "nonlinearity";
}

/**
 * A torch.nn.init initializer by name (without the underscore) with its
 * keyword arguments, as the REST API's JSON (api.md "Initialization"):
 * uniform{a,b}, normal{mean,std}, trunc_normal{mean,std,a,b}, constant{val},
 * ones, zeros, eye, dirac{groups}, xavier_uniform{gain}, xavier_normal{gain},
 * kaiming_uniform{a,mode,nonlinearity}, kaiming_normal{a,mode,nonlinearity},
 * orthogonal{gain}, sparse{sparsity,std}, default (the layer's own reset), and
 * mixture{components}: each element drawn from one component chosen with
 * probability `weight` (the weights sum to 1).
 * 
 * Every scalar field is `optional`: one that is not set takes PyTorch's
 * default; one the initializer does not take is refused.
 */
export interface Initializer__Output {
  'name'?: (string);
  'a'?: (number);
  'b'?: (number);
  'mean'?: (number);
  'std'?: (number);
  'val'?: (number);
  'gain'?: (number);
  'sparsity'?: (number);
  'groups'?: (number);
  /**
   * "fan_in" or "fan_out"
   */
  'mode'?: (string);
  /**
   * a name of torch.nn.init.calculate_gain's table
   */
  'nonlinearity'?: (string);
  /**
   * mixture only.
   */
  'components': (_paramserve_v1_MixtureComponent__Output)[];
  '_name'?: "name";
  '_a'?: "a";
  '_b'?: "b";
  '_mean'?: "mean";
  '_std'?: "std";
  '_val'?: "val";
  '_gain'?: "gain";
  '_sparsity'?: "sparsity";
  '_groups'?: "groups";
  '_mode'?: "mode";
  '_nonlinearity'?: "nonlinearity";
}
