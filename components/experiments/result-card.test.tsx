import { describe, expect, it } from 'vitest';
import { type ExperimentRun, experimentRunSchema } from '@/protocol/experiments';
import { buildSnapshot } from '@/server/state/snapshot';
import { fresh, T0 } from '@/server/state/test-fixtures';
import { renderPagePart, textOf } from '../test-support/render-page-part';
import { ResultCard } from './judged-experiments';

const snapshot = buildSnapshot(fresh(), T0);
const render = (run: ExperimentRun) => renderPagePart(<ResultCard run={run} />, snapshot);

const finished = (overrides: Partial<ExperimentRun>): ExperimentRun =>
  experimentRunSchema.parse({
    id: 'kill-restart',
    status: 'passed',
    startedAt: T0,
    finishedAt: T0 + 12_400,
    steps: [],
    measurements: [],
    error: null,
    groupIds: ['exp-kill-restart'],
    ...overrides,
  });

describe('an experiment’s result card', () => {
  it('a pass: each measurement named in words, its value, and the expectation it met', () => {
    const html = render(
      finished({
        measurements: [
          { key: 'restart.duplicates', value: 14, expected: '≥ 1', ok: true },
          { key: 'restart.missing', value: 0, expected: '0', ok: true },
          { key: 'restart.read', value: 250, expected: null, ok: null },
        ],
      }),
    );
    expect(html).toContain('data-status="passed"');
    expect(textOf(html, 'result-kill-restart')).toContain('pass took 12 s');
    expect(textOf(html, 'measure-restart.duplicates')).toBe('processed twice 14 ✓ expected ≥ 1');
    expect(textOf(html, 'measure-restart.missing')).toBe('missing 0 ✓ expected 0');
    // Shown, not judged: no expectation.
    expect(textOf(html, 'measure-restart.read')).toBe('records read after the restart 250');
  });

  it('a fail marks the measurement that missed; an error says why it could not finish', () => {
    const failed = render(
      finished({
        status: 'failed',
        measurements: [{ key: 'restart.missing', value: 3, expected: '0', ok: false }],
      }),
    );
    expect(textOf(failed, 'measure-restart.missing')).toBe('missing 3 ✗ expected 0');
    const error = render(finished({ status: 'error', error: 'the broker is down' }));
    expect(textOf(error, 'result-kill-restart')).toContain('Could not finish: the broker is down');
  });
});
