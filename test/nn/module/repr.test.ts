import { describe, expect, it } from 'vitest';
import { Linear, ReLU, Sequential } from '../../../src/nn/index.js';
import { cases, fixture } from './fixture.js';
import { build, CustomModule } from './recipe.js';

describe(`print(model) against torch ${fixture.torch}`, () => {
  for (const c of cases.structures) {
    it(c.name, () => {
      expect(build(c.recipe).toString()).toBe(c.repr);
    });
  }

  for (const c of cases.layerRepr) {
    it(`extra_repr: ${c.repr}`, () => {
      expect(build(c.recipe).toString()).toBe(c.repr);
    });
  }

  it('prints the spec example 2 (rgnet) with its `block {i}` names', () => {
    const rgnet = cases.structures.find((c) => c.name === 'rgnet')!;
    expect(rgnet.repr).toContain('    (block 1): Sequential(\n      (0): Linear(in_features=4, out_features=8, bias=True)');
  });

  it('prints a tied module in full under each key', () => {
    const l = new Linear(2, 2, { init: false });
    const text = new Sequential([l, new ReLU(), l]).toString();
    expect(text.split('Linear(in_features=2, out_features=2, bias=True)').length - 1).toBe(2);
  });

  it('indents multi-line extra_repr lines and children alike, as _addindent does', () => {
    class Multi extends CustomModule {
      override extraRepr(): string {
        return 'a=1\nb=2';
      }
    }
    const inner = new Multi('Multi');
    const oneLine = new Multi('Multi');
    const outer = new Sequential([new Sequential([inner])]);
    expect(outer.toString()).toBe('Sequential(\n  (0): Sequential(\n    (0): Multi(\n      a=1\n      b=2\n    )\n  )\n)');
    oneLine.addModule('x', null);
    expect(oneLine.toString()).toBe('Multi(\n  a=1\n  b=2\n  (x): None\n)');
  });
});
