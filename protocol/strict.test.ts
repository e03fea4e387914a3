import { describe, expect, it } from 'vitest';
import { closestField, editDistance, unknownFields } from './strict';

describe('unknownFields', () => {
  it('names the unknown field, the closest known one and what the command takes', () => {
    expect(
      unknownFields(
        { type: 'producer:update', ratee: 20 },
        ['type', 'rate', 'acks'],
        'producer:update',
      ),
    ).toBe('ratee: unknown field; did you mean rate? (producer:update takes: rate, acks)');
  });

  it('suggests nothing when no known field is close', () => {
    expect(unknownFields({ colour: 'red' }, ['type', 'rate'], 'producer:update')).toBe(
      'colour: unknown field (producer:update takes: rate)',
    );
  });

  it('is null when every field is known', () => {
    expect(unknownFields({ type: 'x', rate: 1 }, ['type', 'rate'], 'x')).toBeNull();
  });
});

describe('closestField', () => {
  it('catches the usual typos', () => {
    const known = ['sessionTimeoutMs', 'maxPollIntervalMs', 'consumers', 'groupId'];
    expect(closestField('sesionTimeoutMs', known)).toBe('sessionTimeoutMs');
    expect(closestField('consumres', known)).toBe('consumers');
    expect(closestField('groupid', known)).toBe('groupId');
    expect(closestField('topic', known)).toBeNull();
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
