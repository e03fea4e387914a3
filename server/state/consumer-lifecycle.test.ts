import { describe, expect, it } from 'vitest';
import type { WorkerMessage } from '../../protocol/ipc';
import { reduceConsumer } from './consumer-lifecycle';
import { initialState, reduce } from './reducer';
import {
  commanded,
  committed,
  exited,
  fresh,
  groupConfig,
  joined,
  kinds,
  message,
  run,
  spawned,
  T0,
  TOPIC,
} from './test-fixtures';
import type { LabState } from './types';

const config = groupConfig('g1');

/** A lab group g1 with c1 spawned and joined as member m1 (partitions 0-2). */
function withRunningConsumer(): LabState {
  return run(
    fresh(),
    { type: 'group/registered', config, at: T0 },
    spawned('c1'),
    message('c1', { type: 'ready', pid: 100 }),
    joined('c1', 'm1', [0, 1, 2], T0 + 500, { isLeader: true }),
  );
}

const consumer = (state: LabState, id = 'c1') => {
  const record = state.consumers[id];
  if (!record) throw new Error(`no consumer ${id}`);
  return record;
};

describe('consumer/spawned', () => {
  it('creates a starting record and a consumer-started event', () => {
    const state = run(initialState('b', false, T0), spawned('c1', 'g1', T0, 4242));
    expect(consumer(state)).toEqual({
      id: 'c1',
      groupId: 'g1',
      phase: 'starting',
      incarnation: 1,
      pid: 4242,
      memberId: null,
      generationId: null,
      isLeader: false,
      delayMs: 0,
      assignment: [],
      assignmentAt: null,
      lastHeartbeatAt: null,
      crashedAt: null,
      frozenAt: null,
      lastError: null,
    });
    expect(state.timeline).toMatchObject([
      { kind: 'consumer-started', groupId: 'g1', message: 'c1 started as process 4242' },
    ]);
    expect(state.groups.g1?.cause).toEqual({
      reason: { key: 'cause-joined', params: { id: 'c1' } },
      at: T0,
    });
  });

  it('writes "?" for an unknown pid', () => {
    const state = run(initialState('b', false, T0), spawned('c1', 'g1', T0, null));
    expect(state.timeline[0]?.message).toBe('c1 started as process ?');
  });

  it('a restarted consumer is a new incarnation with a fresh record', () => {
    const before = run(withRunningConsumer(), commanded('c1', 'crash', T0 + 700));
    const after = run(before, spawned('c1', 'g1', T0 + 800, 200, 2));
    expect(consumer(after)).toMatchObject({
      phase: 'starting',
      incarnation: 2,
      pid: 200,
      memberId: null,
      crashedAt: null,
    });
  });

  it('ignores the exit and the messages of an older incarnation', () => {
    const restarted = run(
      withRunningConsumer(),
      commanded('c1', 'crash', T0 + 700),
      spawned('c1', 'g1', T0 + 710, 200, 2),
    );
    // The SIGKILLed process's exit arrives after the restart: no second crash, no phase change.
    const late = run(
      restarted,
      exited('c1', T0 + 720, null, 'SIGKILL', 1),
      message('c1', { type: 'ready', pid: 100 }, 1),
    );
    expect(consumer(late)).toMatchObject({ phase: 'starting', pid: 200 });
    expect(late.timeline.filter((e) => e.kind === 'consumer-crashed')).toHaveLength(1);
  });
});

describe('worker messages', () => {
  it('ready records the pid and moves to joining', () => {
    const state = run(
      initialState('b', false, T0),
      spawned('c1', 'g1', T0, null),
      message('c1', { type: 'ready', pid: 77 }),
    );
    expect(consumer(state)).toMatchObject({ pid: 77, phase: 'joining' });
  });

  it('joined sets member, leadership and assignment and announces the member once', () => {
    const state = withRunningConsumer();
    expect(consumer(state)).toMatchObject({
      phase: 'running',
      memberId: 'm1',
      isLeader: true,
      assignment: [{ topic: TOPIC, partitions: [0, 1, 2] }],
    });
    const joinedEvents = state.timeline.filter((e) => e.kind === 'member-joined');
    expect(joinedEvents).toHaveLength(1);
    expect(joinedEvents[0]?.message).toBe('c1 joined as m1 (group leader)');

    const rejoined = run(state, joined('c1', 'm1', [0, 1], T0 + 900));
    expect(rejoined.timeline.filter((e) => e.kind === 'member-joined')).toHaveLength(1);
    expect(consumer(rejoined)).toMatchObject({
      isLeader: false,
      assignment: [{ topic: TOPIC, partitions: [0, 1] }],
    });
  });

  it('joined keeps a paused consumer paused', () => {
    const state = run(
      withRunningConsumer(),
      commanded('c1', 'pause', T0 + 600),
      joined('c1', 'm1', [0], T0 + 700),
    );
    expect(consumer(state).phase).toBe('paused');
  });

  it('rebalancing starts a rebalance with the noted cause; joined completes it', () => {
    const started = run(
      withRunningConsumer(),
      spawned('c2', 'g1', T0 + 1000),
      message('c1', { type: 'rebalancing', memberId: 'm1', at: T0 + 1100 }),
    );
    expect(consumer(started).phase).toBe('joining');
    expect(started.groups.g1?.rebalance).toMatchObject({
      startedAt: T0 + 1100,
      reason: { key: 'cause-joined', params: { id: 'c2' } },
    });
    expect(started.timeline.at(-1)).toMatchObject({
      kind: 'rebalance-started',
      groupId: 'g1',
      message: 'Rebalance started: c2 joined',
    });

    // Open until every live member of the group, the newcomer too, has its assignment.
    const half = run(started, joined('c1', 'm1', [0, 1], T0 + 1600, { durationMs: 300 }));
    expect(half.groups.g1?.rebalance).not.toBeNull();
    const done = run(half, joined('c2', 'm2', [2], T0 + 1600, { durationMs: 300 }));
    expect(done.groups.g1?.rebalance).toBeNull();
    expect(consumer(done).phase).toBe('running');
    expect(done.timeline.at(-1)).toMatchObject({
      kind: 'rebalance-completed',
      groupId: 'g1',
      durationMs: 500,
      message: expect.stringMatching(/^Rebalance completed in 500 ms \(c2 joined\)/),
    });
  });

  it('joined counts the duration kafkajs reports when that started earlier', () => {
    const done = run(
      withRunningConsumer(),
      message('c1', { type: 'rebalancing', memberId: 'm1', at: T0 + 1100 }),
      joined('c1', 'm1', [0, 1], T0 + 1600, { durationMs: 900 }),
    );
    expect(done.timeline.at(-1)).toMatchObject({ kind: 'rebalance-completed', durationMs: 900 });
  });

  it('a second rebalancing message does not start a second rebalance', () => {
    const once = run(
      withRunningConsumer(),
      message('c1', { type: 'rebalancing', memberId: 'm1', at: T0 + 1100 }),
    );
    const twice = run(once, message('c1', { type: 'rebalancing', memberId: 'm1', at: T0 + 1200 }));
    const starts = (s: LabState) => s.timeline.filter((e) => e.kind === 'rebalance-started');
    expect(starts(twice)).toHaveLength(starts(withRunningConsumer()).length + 1);
    expect(twice.groups.g1?.rebalance?.startedAt).toBe(T0 + 1100);
  });

  it('rebalancing keeps a paused consumer paused', () => {
    const state = run(
      withRunningConsumer(),
      commanded('c1', 'pause', T0 + 600),
      message('c1', { type: 'rebalancing', memberId: 'm1', at: T0 + 700 }),
    );
    expect(consumer(state).phase).toBe('paused');
  });

  it('heartbeat records time, generation and member', () => {
    const state = run(
      withRunningConsumer(),
      message('c1', { type: 'heartbeat', memberId: 'm1', generationId: 7, at: T0 + 2000 }),
    );
    expect(consumer(state)).toMatchObject({
      lastHeartbeatAt: T0 + 2000,
      generationId: 7,
      memberId: 'm1',
    });
  });

  it('progress adds to the processed count and tracks next offsets per partition', () => {
    const state = run(
      withRunningConsumer(),
      message('c1', {
        type: 'progress',
        processed: [
          { topic: TOPIC, partition: 0, offset: 11 },
          { topic: TOPIC, partition: 1, offset: 4 },
        ],
        seqs: [],
        count: 15,
        at: T0 + 600,
      }),
      message('c1', {
        type: 'progress',
        processed: [{ topic: TOPIC, partition: 0, offset: 13 }],
        seqs: [],
        count: 2,
        at: T0 + 700,
      }),
    );
    expect(state.processed.g1).toEqual({ [`${TOPIC}|0`]: 13, [`${TOPIC}|1`]: 4 });
    expect(state.consumedSinceTick).toBe(17);
  });

  it('committed counts the commit and takes a non-null generation', () => {
    const commit = (generationId: number | null, at: number) => committed('c1', at, generationId);
    const state = run(withRunningConsumer(), commit(3, T0 + 600), commit(null, T0 + 700));
    expect(state.commitCounts.g1).toBe(2);
    expect(consumer(state).generationId).toBe(3);
  });

  it('error records the last error', () => {
    const state = run(
      withRunningConsumer(),
      message('c1', { type: 'error', message: 'fetch failed', at: T0 + 600 }),
    );
    expect(consumer(state).lastError).toEqual({
      message: 'fetch failed',
      at: T0 + 600,
      recoveredAt: null,
    });
  });

  it('an error is marked recovered once the client commits or joins again after it', () => {
    const failed = run(
      withRunningConsumer(),
      message('c1', { type: 'error', message: 'ECONNREFUSED', at: T0 + 600 }),
    );
    const before = run(failed, committed('c1', T0 + 500));
    expect(consumer(before).lastError?.recoveredAt).toBeNull();
    const after = run(failed, committed('c1', T0 + 900));
    expect(consumer(after).lastError).toEqual({
      message: 'ECONNREFUSED',
      at: T0 + 600,
      recoveredAt: T0 + 900,
    });
  });

  it('stopped changes nothing', () => {
    const state = withRunningConsumer();
    expect(reduce(state, message('c1', { type: 'stopped', at: T0 + 600 }))).toBe(state);
  });

  it('messages for unknown, crashed or stopped consumers are ignored', () => {
    const base = withRunningConsumer();
    const beat: WorkerMessage = { type: 'heartbeat', memberId: 'm1', generationId: 9, at: T0 + 1 };
    const hb = message('c1', beat);
    expect(reduce(base, message('nobody', beat))).toBe(base);
    const crashed = run(base, commanded('c1', 'crash', T0 + 600));
    expect(reduce(crashed, hb)).toBe(crashed);
    const stopped = run(base, commanded('c1', 'stop', T0 + 600), exited('c1', T0 + 700));
    expect(reduce(stopped, hb)).toBe(stopped);
  });
});

describe('consumer commands', () => {
  it('pause, resume and slow patch the record', () => {
    const base = withRunningConsumer();
    expect(consumer(run(base, commanded('c1', 'pause', T0 + 1))).phase).toBe('paused');
    expect(
      consumer(run(base, commanded('c1', 'pause', T0 + 1), commanded('c1', 'resume', T0 + 2)))
        .phase,
    ).toBe('running');
    expect(consumer(run(base, commanded('c1', 'slow', T0 + 1, 250))).delayMs).toBe(250);
    expect(
      consumer(run(base, commanded('c1', 'slow', T0 + 1, 250), commanded('c1', 'slow', T0 + 2)))
        .delayMs,
    ).toBe(0);
  });

  it('commands for an unknown consumer change nothing', () => {
    const state = withRunningConsumer();
    for (const command of ['crash', 'stop', 'pause', 'resume', 'slow'] as const)
      expect(reduce(state, commanded('ghost', command, T0 + 1))).toBe(state);
  });

  it('crash marks the consumer crashed at once but keeps its member id', () => {
    const state = run(withRunningConsumer(), commanded('c1', 'crash', T0 + 5000));
    expect(consumer(state)).toMatchObject({
      phase: 'crashed',
      crashedAt: T0 + 5000,
      pid: null,
      memberId: 'm1',
      assignment: [{ topic: TOPIC, partitions: [0, 1, 2] }],
    });
    expect(state.timeline.at(-1)).toMatchObject({
      kind: 'consumer-crashed',
      at: T0 + 5000,
      groupId: 'g1',
    });
    expect(state.timeline.at(-1)?.message).toContain('SIGKILL');
    expect(state.timeline.at(-1)?.message).toContain('6 s session timeout');
  });

  it('the exit that follows a crash adds no second crash event', () => {
    const crashed = run(withRunningConsumer(), commanded('c1', 'crash', T0 + 5000));
    const gone = run(crashed, exited('c1', T0 + 5010, null, 'SIGKILL'));
    expect(consumer(gone).phase).toBe('crashed');
    expect(consumer(gone).crashedAt).toBe(T0 + 5000);
    expect(gone.timeline).toEqual(crashed.timeline);
  });

  it('a graceful stop ends in member-left and notes the cause for the next rebalance', () => {
    const stopping = run(withRunningConsumer(), commanded('c1', 'stop', T0 + 3000));
    expect(consumer(stopping).phase).toBe('stopping');
    expect(kinds(stopping)).not.toContain('member-left');

    const stopped = run(stopping, exited('c1', T0 + 3200));
    expect(consumer(stopped)).toMatchObject({
      phase: 'stopped',
      pid: null,
      memberId: null,
      assignment: [],
    });
    expect(stopped.timeline.at(-1)).toMatchObject({
      kind: 'member-left',
      at: T0 + 3200,
      groupId: 'g1',
      message: 'c1 stopped gracefully: committed, sent LeaveGroup',
    });
    expect(stopped.groups.g1?.cause).toEqual({
      reason: { key: 'cause-left', params: { id: 'c1' } },
      at: T0 + 3200,
    });
  });

  it('joined during a stop keeps the consumer stopping', () => {
    const state = run(
      withRunningConsumer(),
      commanded('c1', 'stop', T0 + 3000),
      joined('c1', 'm1', [0], T0 + 3100),
    );
    expect(consumer(state).phase).toBe('stopping');
  });
});

describe('unexpected exits', () => {
  it('an exit nobody asked for marks the consumer crashed, dying on its own', () => {
    const state = run(withRunningConsumer(), exited('c1', T0 + 4000, 1));
    expect(consumer(state)).toMatchObject({
      phase: 'crashed',
      pid: null,
      crashedAt: T0 + 4000,
      lastError: { message: 'process ended (exit code 1)', at: T0 + 4000, recoveredAt: null },
    });
    expect(state.timeline.at(-1)).toMatchObject({
      kind: 'consumer-crashed',
      groupId: 'g1',
      message: 'c1 died on its own (exit code 1); not restarted',
    });
  });

  it('names the signal and keeps an earlier error message', () => {
    const state = run(
      withRunningConsumer(),
      message('c1', { type: 'error', message: 'out of memory', at: T0 + 3900 }),
      exited('c1', T0 + 4000, null, 'SIGSEGV'),
    );
    expect(consumer(state).lastError?.message).toBe('out of memory');
    expect(state.timeline.at(-1)?.message).toBe(
      'c1 died on its own (signal SIGSEGV); not restarted',
    );
  });

  it('an exit of an unknown consumer changes nothing', () => {
    const state = withRunningConsumer();
    expect(reduce(state, exited('ghost', T0 + 1))).toBe(state);
  });
});

describe('reduceConsumer', () => {
  it('leaves the version to the outer reducer', () => {
    const state = withRunningConsumer();
    const next = reduceConsumer(state, {
      type: 'consumer/commanded',
      id: 'c1',
      command: 'pause',
      at: T0 + 1,
    });
    expect(next).not.toBe(state);
    expect(next.version).toBe(state.version);
  });
});

describe('KIP-848: survivors take a crashed member’s partitions', () => {
  const kip848 = groupConfig('g1', { client: 'java', protocol: 'consumer', assignor: 'uniform' });
  const beat = (id: string, memberId: string, at: number) =>
    message(id, { type: 'heartbeat', memberId, generationId: 5, at });
  const takes = (id: string, memberId: string, owned: number[], added: number, at: number) =>
    joined(id, memberId, owned, at, {
      generationId: 5,
      added: [{ topic: TOPIC, partitions: [added] }],
    });

  /** c1 (P0 P1), c2 (P2 P3), c3 (P4 P5) at member epoch 3; c1 is killed, c2 and c3 take P0, P1. */
  function afterTakeover(heartbeatsFirst: boolean): LabState {
    const started = run(
      fresh(),
      { type: 'group/registered', config: kip848, at: T0 },
      spawned('c1'),
      spawned('c2'),
      spawned('c3'),
      joined('c1', 'm1', [0, 1], T0 + 100, { generationId: 3 }),
      joined('c2', 'm2', [2, 3], T0 + 100, { generationId: 3 }),
      joined('c3', 'm3', [4, 5], T0 + 100, { generationId: 3 }),
      commanded('c1', 'crash', T0 + 1000),
    );
    // The new epoch can reach the server in heartbeats before the assignment reports do.
    const beaten = heartbeatsFirst
      ? run(started, beat('c2', 'm2', T0 + 7000), beat('c3', 'm3', T0 + 7000))
      : started;
    return run(
      beaten,
      takes('c2', 'm2', [0, 2, 3], 0, T0 + 7100),
      takes('c3', 'm3', [1, 4, 5], 1, T0 + 7200),
    );
  }

  it.each([true, false])('the pause of each partition counts (heartbeats first: %s)', (first) => {
    const state = afterTakeover(first);
    const rebalance = state.groups.g1?.rebalance ?? state.groups.g1?.lastRebalance;
    expect(rebalance?.pausedMs).toEqual({ [`${TOPIC}|0`]: 6100, [`${TOPIC}|1`]: 6200 });
  });
});

describe('errors before the first join', () => {
  const starting = () =>
    run(
      fresh(),
      { type: 'group/registered', config, at: T0 },
      spawned('c1'),
      message('c1', { type: 'ready', pid: 100 }),
    );
  const error = (text: string) => message('c1', { type: 'error', message: text, at: T0 + 200 });

  it('forgets a coordinator that was still starting once the consumer joins', () => {
    const state = run(
      starting(),
      error(
        'Response GroupCoordinator(key: 10, version: 2): The group coordinator is not available',
      ),
      joined('c1', 'm1', [0, 1, 2], T0 + 500),
    );
    expect(consumer(state).lastError).toBeNull();
    const restarted = run(
      starting(),
      error('Restarting the consumer in 200ms'),
      joined('c1', 'm1', [0], T0 + 500),
    );
    expect(consumer(restarted).lastError).toBeNull();
  });

  it('keeps any other error, marked recovered', () => {
    const state = run(
      starting(),
      error('Connection error: ECONNREFUSED'),
      joined('c1', 'm1', [0], T0 + 500),
    );
    expect(consumer(state).lastError).toEqual({
      message: 'Connection error: ECONNREFUSED',
      at: T0 + 200,
      recoveredAt: T0 + 500,
    });
  });
});
