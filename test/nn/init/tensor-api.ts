// Calls the torch.nn.init-style TS functions the way init.py calls nn.init: by API name and keywords.
import type { Generator, Tensor } from '../../../src/engine/index.js';
import * as init from '../../../src/nn/index.js';
import type { InitJson } from './fixture.js';

const num = (spec: InitJson, key: string, fallback: number): number => (spec[key] as number | undefined) ?? fallback;

export function callTensorApi(t: Tensor, spec: InitJson, g: Generator): Tensor {
  switch (spec.name) {
    case 'uniform':
      return init.uniform_(t, num(spec, 'a', 0), num(spec, 'b', 1), g);
    case 'normal':
      return init.normal_(t, num(spec, 'mean', 0), num(spec, 'std', 1), g);
    case 'trunc_normal':
      return init.truncNormal_(t, spec as init.TruncNormalOptions, g);
    case 'constant':
      return init.constant_(t, spec.val as number);
    case 'ones':
      return init.ones_(t);
    case 'zeros':
      return init.zeros_(t);
    case 'eye':
      return init.eye_(t);
    case 'dirac':
      return init.dirac_(t, num(spec, 'groups', 1));
    case 'xavier_uniform':
      return init.xavierUniform_(t, num(spec, 'gain', 1), g);
    case 'xavier_normal':
      return init.xavierNormal_(t, num(spec, 'gain', 1), g);
    case 'kaiming_uniform':
      return init.kaimingUniform_(t, spec as init.KaimingOptions, g);
    case 'kaiming_normal':
      return init.kaimingNormal_(t, spec as init.KaimingOptions, g);
    case 'orthogonal':
      return init.orthogonal_(t, num(spec, 'gain', 1), g);
    case 'sparse':
      return init.sparse_(t, spec.sparsity as number, num(spec, 'std', 0.01), g);
    default:
      throw new Error(`no tensor function for ${spec.name}`);
  }
}
