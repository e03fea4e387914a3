import { describe, expect, it } from 'vitest';
import type { ExperimentRun } from '@/protocol/experiments';
import { EXPERIMENT_IDS } from '@/protocol/experiments';
import { LESSONS_EN } from './i18n/lessons-en';
import { LESSONS_ID } from './i18n/lessons-id';
import { LESSONS, outcomeOf, readProgress } from './lessons';

const run = (status: ExperimentRun['status']): ExperimentRun => ({
  id: 'same-key',
  status,
  startedAt: 1,
  finishedAt: status === 'running' ? null : 2,
  steps: [],
  measurements: [],
  error: null,
  groupIds: [],
});

describe('lessons', () => {
  it('walk every judged experiment once, each with worded choices in both languages', () => {
    const used = LESSONS.flatMap((l) => l.steps.map((s) => s.experiment));
    expect([...used].sort()).toEqual([...EXPERIMENT_IDS].sort());
    for (const step of LESSONS.flatMap((l) => l.steps)) {
      expect(step.answer).toBeLessThan(step.choices);
      for (const texts of [LESSONS_EN, LESSONS_ID]) {
        const text = texts.steps[step.experiment as keyof typeof texts.steps];
        expect(text.choices).toHaveLength(step.choices);
        expect(text.ask.length).toBeGreaterThan(20);
      }
    }
  });

  it('a passed run judges the prediction; a failed or unfinished one does not', () => {
    const step = LESSONS[0]?.steps[0];
    if (!step) throw new Error('no step');
    expect(outcomeOf(step, step.answer, run('passed'))).toBe('right');
    expect(outcomeOf(step, (step.answer + 1) % step.choices, run('passed'))).toBe('wrong');
    expect(outcomeOf(step, step.answer, run('failed'))).toBe('unclear');
    expect(outcomeOf(step, step.answer, run('error'))).toBe('unclear');
    expect(outcomeOf(step, step.answer, run('running'))).toBeNull();
  });

  it('reads stored progress defensively', () => {
    expect(readProgress(null)).toEqual({});
    expect(readProgress('not json')).toEqual({});
    expect(
      readProgress('{"a":{"prediction":1,"runStartedAt":5,"outcome":"right"},"b":{"x":1}}'),
    ).toEqual({
      a: { prediction: 1, runStartedAt: 5, outcome: 'right' },
    });
  });
});
