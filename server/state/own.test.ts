import { describe, expect, it } from 'vitest';
import { own } from './own';
import { initialState, reduce } from './reducer';
import { buildSnapshot } from './snapshot';

describe('groups named like Object members', () => {
  it('own() ignores inherited keys', () => {
    expect(own({}, 'constructor')).toBeUndefined();
    expect(own({ constructor: 1 }, 'constructor')).toBe(1);
  });

  it('an external group called "constructor" is shown as a plain read-only group', () => {
    const state = reduce(initialState('b', false, 0), {
      type: 'admin/observed',
      observation: {
        at: 1,
        cluster: { clusterId: 'c', controller: 1, brokers: [] },
        topics: [],
        groups: [
          {
            groupId: 'constructor',
            state: 'Empty',
            protocol: '',
            protocolType: 'consumer',
            members: [],
            offsets: [],
          },
        ],
      },
    });
    const group = buildSnapshot(state, 0).groups[0];
    expect(group?.lab).toBe(false);
    expect(group?.config).toBeNull();
    expect(group?.rebalance).toBeNull();
    expect(group?.audit).toBeNull();
  });
});
