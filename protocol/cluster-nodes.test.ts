import { describe, expect, it } from 'vitest';
import { labBrokerCount } from './cluster-nodes';

describe('labBrokerCount', () => {
  it('counts the lab nodes clients talk to: a combined node yes, a controller alone or an outside broker no', () => {
    expect(labBrokerCount([{ lab: true, role: 'broker+controller' }])).toBe(1);
    expect(
      labBrokerCount([
        { lab: true, role: 'controller' },
        { lab: true, role: 'broker' },
        { lab: true, role: 'broker' },
        { lab: true, role: 'broker' },
        { lab: false, role: 'broker' },
      ]),
    ).toBe(3);
    expect(labBrokerCount([])).toBe(0);
  });
});
