import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  COMMAND_TYPES,
  commandSchema,
  describeIssues,
  groupKindOf,
  MAX_PRODUCER_RATE,
  parseCommand,
} from './commands';

function errorOf(input: unknown): string {
  const parsed = parseCommand(input);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return parsed.error;
}

function commandOf(input: unknown) {
  const parsed = parseCommand(input);
  if (!parsed.ok) throw new Error(`expected ${JSON.stringify(input)} to parse: ${parsed.error}`);
  return parsed.command;
}

describe('parseCommand: valid commands', () => {
  it('fills every group:create default', () => {
    expect(commandOf({ type: 'group:create', groupId: 'g1', topic: 'trades' })).toEqual({
      type: 'group:create',
      groupId: 'g1',
      topic: 'trades',
      consumers: 3,
      client: 'kafkajs',
      protocol: 'classic',
      staticMembership: false,
      commitMode: 'after-processing',
      autoCommitIntervalMs: 5000,
      offsetReset: 'earliest',
      sessionTimeoutMs: 6000,
    });
  });

  it('fills the assignor by protocol: round-robin for classic, uniform for KIP-848', () => {
    const classic = commandOf({ type: 'group:create', groupId: 'g', topic: 't' });
    const kip848 = commandOf({
      type: 'group:create',
      groupId: 'g',
      topic: 't',
      client: 'java',
      protocol: 'consumer',
    });
    if (classic.type !== 'group:create' || kip848.type !== 'group:create') throw new Error('type');
    expect(groupKindOf(classic).assignor).toBe('round-robin');
    expect(groupKindOf(kip848).assignor).toBe('uniform');
  });

  it('refuses combinations the client or protocol cannot run, naming the field', () => {
    expect(
      errorOf({ type: 'group:create', groupId: 'g', topic: 't', protocol: 'consumer' }),
    ).toContain('protocol: kafkajs speaks only the classic protocol');
    expect(
      errorOf({ type: 'group:create', groupId: 'g', topic: 't', assignor: 'cooperative-sticky' }),
    ).toContain('assignor must be one of: round-robin, range (for client kafkajs');
    expect(
      errorOf({
        type: 'group:create',
        groupId: 'g',
        topic: 't',
        client: 'java',
        protocol: 'consumer',
        assignor: 'sticky',
      }),
    ).toContain('assignor must be one of: uniform, range');
    expect(
      errorOf({ type: 'group:create', groupId: 'g', topic: 't', staticMembership: true }),
    ).toContain('staticMembership: kafkajs has no static membership');
    expect(
      errorOf({ type: 'group:create', groupId: 'g', topic: 't', maxPollIntervalMs: 5000 }),
    ).toContain('maxPollIntervalMs: kafkajs has no max.poll.interval.ms');
    expect(
      errorOf({
        type: 'group:create',
        groupId: 'g',
        topic: 't',
        client: 'java',
        protocol: 'consumer',
        sessionTimeoutMs: 1000,
      }),
    ).toContain('sessionTimeoutMs must be an integer from 3000 to 60000 for protocol "consumer"');
  });

  it('accepts every assignor each Java protocol offers', () => {
    for (const assignor of ['range', 'round-robin', 'sticky', 'cooperative-sticky'])
      commandOf({ type: 'group:create', groupId: 'g', topic: 't', client: 'java', assignor });
    for (const assignor of ['uniform', 'range'])
      commandOf({
        type: 'group:create',
        groupId: 'g',
        topic: 't',
        client: 'java',
        protocol: 'consumer',
        assignor,
      });
  });

  it('keeps explicit group:create values', () => {
    const command = commandOf({
      type: 'group:create',
      groupId: 'orders.v2_x-1',
      topic: 'orders',
      consumers: 0,
      assignor: 'range',
      commitMode: 'auto',
      autoCommitIntervalMs: 100,
      offsetReset: 'latest',
      sessionTimeoutMs: 1000,
    });
    expect(command).toMatchObject({
      consumers: 0,
      assignor: 'range',
      commitMode: 'auto',
      autoCommitIntervalMs: 100,
      offsetReset: 'latest',
      sessionTimeoutMs: 1000,
    });
  });

  it('fills topic:create defaults of 6 partitions; the replication factor is the server’s', () => {
    expect(commandOf({ type: 'topic:create', topic: 'prices' })).toEqual({
      type: 'topic:create',
      topic: 'prices',
      partitions: 6,
    });
  });

  it('accepts a producer:update with only some fields and leaves the rest out', () => {
    const command = commandOf({ type: 'producer:update', rate: MAX_PRODUCER_RATE, paused: true });
    expect(command).toEqual({ type: 'producer:update', rate: 5000, paused: true });
  });

  it('accepts the boundaries of consumer:slow delayMs', () => {
    expect(commandOf({ type: 'consumer:slow', consumerId: 'c1', delayMs: 0 })).toEqual({
      type: 'consumer:slow',
      consumerId: 'c1',
      delayMs: 0,
    });
    expect(commandOf({ type: 'consumer:slow', consumerId: 'c1', delayMs: 5000 })).toMatchObject({
      delayMs: 5000,
    });
  });

  it('accepts the argument-less broker commands', () => {
    expect(commandOf({ type: 'broker:stop' })).toEqual({ type: 'broker:stop' });
    expect(commandOf({ type: 'broker:start' })).toEqual({ type: 'broker:start' });
  });

  it('refuses fields the command does not know, naming them (issue: a typo must not say ok)', () => {
    expect(parseCommand({ type: 'consumer:crash', consumerId: 'c2', extra: 1 })).toEqual({
      ok: false,
      kind: 'invalid',
      error: 'extra: unknown field (consumer:crash takes: consumerId)',
    });
  });

  it('accepts a topic name of exactly 249 characters', () => {
    const topic = 'a'.repeat(249);
    expect(commandOf({ type: 'topic:delete', topic })).toEqual({ type: 'topic:delete', topic });
  });
});

describe('parseCommand: errors name the field and what is allowed', () => {
  it('rejects a producer rate above the maximum', () => {
    const error = errorOf({ type: 'producer:update', rate: 6000 });
    expect(error).toContain('rate');
    expect(error).toContain('0 to 5000');
  });

  it('rejects a negative or fractional rate with the same range message', () => {
    expect(errorOf({ type: 'producer:update', rate: -1 })).toContain('rate must be an integer');
    expect(errorOf({ type: 'producer:update', rate: 1.5 })).toContain('0 to 5000');
    expect(errorOf({ type: 'producer:update', rate: '100' })).toContain('0 to 5000');
  });

  it('lists the allowed types for an unknown type', () => {
    const error = errorOf({ type: 'consumer:explode', consumerId: 'c1' });
    expect(error).toMatch(/^type must be one of: /);
    for (const type of ['consumer:add', 'group:create', 'producer:update', 'broker:start'])
      expect(error).toContain(type);
  });

  it('lists the allowed types when type is missing', () => {
    expect(errorOf({ consumerId: 'c1' })).toContain('type must be one of');
  });

  it('rejects input that is not an object at all', () => {
    expect(parseCommand(null).ok).toBe(false);
    expect(parseCommand('consumer:add').ok).toBe(false);
  });

  it('rejects consumer:slow delayMs outside 0 to 5000', () => {
    for (const delayMs of [-1, 5001, 10_000]) {
      const error = errorOf({ type: 'consumer:slow', consumerId: 'c1', delayMs });
      expect(error).toContain('delayMs');
      expect(error).toContain('0 to 5000');
    }
  });

  it('requires delayMs on consumer:slow', () => {
    expect(errorOf({ type: 'consumer:slow', consumerId: 'c1' })).toContain('delayMs');
  });

  it.each([
    ['has a slash', 'bad/topic'],
    ['has a space', 'bad topic'],
    ['is empty', ''],
    ['is longer than 249 characters', 'a'.repeat(250)],
    ['has a non-ASCII letter', 'prix-€'],
  ])('rejects a topic name that %s', (_label, topic) => {
    const error = errorOf({ type: 'topic:create', topic });
    expect(error).toContain('topic must be 1-249 characters');
  });

  it.each(['.', '..'])('rejects the topic name "%s"', (topic) => {
    expect(errorOf({ type: 'topic:create', topic })).toBe('topic cannot be "." or ".."');
  });

  it('rejects a topic that is not a string', () => {
    expect(errorOf({ type: 'topic:delete', topic: 42 })).toBe('topic must be a string');
  });

  it('rejects a bad topic in producer:update too', () => {
    expect(errorOf({ type: 'producer:update', topic: 'a b' })).toContain('topic must be');
  });

  it('lists the allowed values of an enum field', () => {
    expect(
      errorOf({ type: 'group:create', groupId: 'g', topic: 't', assignor: 'sticky' }),
    ).toContain('assignor must be one of: round-robin, range');
    expect(errorOf({ type: 'producer:update', acks: 'some' })).toContain(
      'acks must be one of: all, leader, none',
    );
  });

  it('names the range of group:create numeric fields', () => {
    expect(errorOf({ type: 'group:create', groupId: 'g', topic: 't', consumers: 33 })).toContain(
      'consumers must be an integer from 0 to 32',
    );
    expect(
      errorOf({ type: 'group:create', groupId: 'g', topic: 't', sessionTimeoutMs: 999 }),
    ).toContain('sessionTimeoutMs must be an integer from 1000 to 300000');
  });

  it('names the range of topic partition counts', () => {
    expect(errorOf({ type: 'topic:create', topic: 't', partitions: 0 })).toContain(
      'partitions must be an integer from 1 to 256',
    );
    expect(errorOf({ type: 'topic:add-partitions', topic: 't', count: 1 })).toContain(
      'count must be an integer from 2 to 256',
    );
  });

  it('rejects group ids with forbidden characters or empty', () => {
    expect(errorOf({ type: 'group:delete', groupId: 'a b' })).toContain(
      'groupId may contain only letters',
    );
    expect(errorOf({ type: 'group:delete', groupId: '' })).toContain('groupId must be 1-255');
    expect(errorOf({ type: 'group:delete', groupId: 'g'.repeat(256) })).toContain(
      'groupId must be 1-255',
    );
  });

  it('rejects an empty consumerId', () => {
    expect(errorOf({ type: 'consumer:stop', consumerId: '' })).toBe('consumerId must not be empty');
  });

  it('rejects a non-boolean flag', () => {
    expect(errorOf({ type: 'producer:update', paused: 'yes' })).toBe(
      'paused must be true or false',
    );
  });

  it('reports every bad field, separated by "; "', () => {
    const error = errorOf({ type: 'producer:update', rate: 6000, keyMode: 'hash' });
    expect(error.split('; ')).toHaveLength(2);
    expect(error).toContain('rate must be');
    expect(error).toContain('keyMode must be one of: fixed, symbol, random, none');
  });
});

describe('describeIssues', () => {
  it('keeps a message that already starts with the field name', () => {
    const failed = commandSchema.safeParse({ type: 'topic:create', topic: 't', partitions: 300 });
    if (failed.success) throw new Error('expected a failure');
    expect(describeIssues(failed.error)).toBe('partitions must be an integer from 1 to 256');
  });

  it('prefixes the field path when the message does not start with it', () => {
    const error = new z.ZodError([
      { code: 'custom', path: ['producer', 'rate'], message: 'too fast', input: 1 },
    ]);
    expect(describeIssues(error)).toBe('producer.rate: too fast');
  });

  it('leaves a message without a path alone', () => {
    const error = new z.ZodError([{ code: 'custom', path: [], message: 'bad', input: 1 }]);
    expect(describeIssues(error)).toBe('bad');
  });

  it('lists unknown keys', () => {
    const error = new z.ZodError([
      { code: 'unrecognized_keys', keys: ['foo', 'bar'], path: [], message: 'x', input: {} },
    ]);
    expect(describeIssues(error)).toBe('unknown field(s): foo, bar');
  });
});

describe('parseCommand: one rule for unknown and inapplicable fields', () => {
  it('suggests the field a typo meant', () => {
    const parsed = parseCommand({ type: 'producer:update', ratee: 20 });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(
      /^ratee: unknown field; did you mean rate\? \(producer:update takes: rate, keyMode, acks, idempotent, paused, topic, poisonPercent\)$/,
    );
    const group = parseCommand({
      type: 'group:create',
      groupId: 'g',
      topic: 't',
      sesionTimeoutMs: 9000,
    });
    expect(!group.ok && group.error).toMatch(
      /^sesionTimeoutMs: unknown field; did you mean sessionTimeoutMs\?/,
    );
  });

  it('refuses, for every command type, one extra unknown field', () => {
    for (const type of COMMAND_TYPES) {
      const parsed = parseCommand({ type, zzUnknownField: 1 });
      expect(parsed.ok, type).toBe(false);
      expect(!parsed.ok && parsed.error, type).toMatch(/^zzUnknownField: unknown field/);
    }
  });

  it('refuses a known field where the options make it meaningless', () => {
    const base = { type: 'group:create', groupId: 'g', topic: 't' };
    expect(parseCommand({ ...base, autoCommitIntervalMs: 1000 })).toMatchObject({
      ok: false,
      error: 'autoCommitIntervalMs is only valid with commitMode "auto"',
    });
    expect(parseCommand({ ...base, commitMode: 'auto', autoCommitIntervalMs: 1000 }).ok).toBe(true);
    expect(
      parseCommand({ type: 'group:reset-offsets', groupId: 'g', to: 'earliest', value: 3 }),
    ).toMatchObject({
      ok: false,
      error: 'value is only valid with to offset, timestamp, shift, last',
    });
    expect(
      parseCommand({ type: 'group:replay', groupId: 'g', from: 'earliest', value: 0 }),
    ).toMatchObject({
      ok: false,
    });
    expect(parseCommand({ type: 'group:replay', groupId: 'g', from: 'last', value: 5 }).ok).toBe(
      true,
    );
  });
});

describe('parseCommand: share groups (protocol share)', () => {
  const share = {
    type: 'group:create',
    groupId: 'q',
    topic: 't',
    client: 'java',
    protocol: 'share',
  };

  it('takes the share fields with their defaults, and the simple assignor', () => {
    const command = commandOf({
      ...share,
      maxPollRecords: 1,
      shareLockMs: 1000,
      shareDeliveryLimit: 10,
    });
    expect(command).toMatchObject({ maxPollRecords: 1, shareLockMs: 1000, shareDeliveryLimit: 10 });
    expect(groupKindOf(command as Parameters<typeof groupKindOf>[0]).assignor).toBe('simple');
  });

  it('refuses kafkajs, static membership, a short session, and the ranges named', () => {
    expect(errorOf({ ...share, client: 'kafkajs' })).toMatch(/kafkajs cannot join share groups/);
    expect(errorOf({ ...share, staticMembership: true })).toMatch(
      /share groups have no static membership/,
    );
    expect(errorOf({ ...share, sessionTimeoutMs: 2000 })).toMatch(
      /3000 to 60000 for protocol "share"/,
    );
    expect(errorOf({ ...share, maxPollRecords: 0 })).toMatch(/maxPollRecords.*1.*100/);
    expect(errorOf({ ...share, shareDeliveryLimit: 11 })).toMatch(/shareDeliveryLimit.*2.*10/);
    expect(errorOf({ ...share, assignor: 'range' })).toMatch(/assignor must be one of: simple/);
  });

  it('refuses commit settings for a share group, and share settings for any other', () => {
    expect(errorOf({ ...share, commitMode: 'auto' })).toMatch(
      /commitMode is only valid with protocol "classic" or "consumer"/,
    );
    expect(errorOf({ ...share, dlq: true })).toMatch(
      /dlq is only valid with protocol "classic" or "consumer"/,
    );
    expect(errorOf({ ...share, protocol: 'consumer', maxPollRecords: 2 })).toMatch(
      /maxPollRecords is only valid with protocol "share"/,
    );
  });
});
