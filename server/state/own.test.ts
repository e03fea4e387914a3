import { describe, expect, it } from 'vitest';
import { own } from './own';
import { buildSnapshot } from './snapshot';
import { observation, observed, group as observedGroup, replay } from './test-fixtures';

describe('groups named like Object members', () => {
  it('own() ignores inherited keys', () => {
    expect(own({}, 'constructor')).toBeUndefined();
    expect(own({ constructor: 1 }, 'constructor')).toBe(1);
  });

  it('an external group called "constructor" is shown as a plain read-only group', () => {
    const state = replay(
      observed(
        observation(1, [observedGroup('constructor', [], { state: 'Empty', protocol: '' })], [], {
          clusterId: 'c',
          brokers: [],
        }),
      ),
    );
    const group = buildSnapshot(state, 0).groups[0];
    expect(group?.lab).toBe(false);
    expect(group?.config).toBeNull();
    expect(group?.rebalance).toBeNull();
    expect(group?.audit).toBeNull();
  });
});
