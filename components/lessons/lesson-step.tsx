'use client';

import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import type { LessonStep, StepProgress } from '@/lib/lessons';
import { Button } from '../ui/button';

const OUTCOME_STYLE = {
  right:
    'border-emerald-500 bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  wrong: 'border-red-500 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100',
  unclear: 'border-amber-500 bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
} as const;

/** One step: the question, a choice of predictions, the run on the lab, and the verdict. */
export function LessonStepView({
  step,
  position,
  progress,
  onPredict,
  onRun,
  runDisabled,
  runTitle,
  running,
}: {
  step: LessonStep;
  position: string;
  progress: StepProgress | null;
  onPredict: (choice: number) => void;
  onRun: () => void;
  runDisabled: boolean;
  runTitle: string;
  running: boolean;
}) {
  const d = useDict();
  const t = d.lessons.panel;
  const text = d.lessons.steps[step.experiment as keyof typeof d.lessons.steps];
  const locked = progress?.runStartedAt != null;
  return (
    <div className="flex flex-col gap-2" data-testid={`lesson-step-${step.experiment}`}>
      <div className="text-xs text-slate-600 dark:text-slate-400">{position}</div>
      <p>{text.ask}</p>
      <fieldset className="flex flex-col gap-1" disabled={locked && running}>
        <legend className="mb-1 text-xs font-semibold">{t.predict}</legend>
        {text.choices.map((choice, i) => (
          <label key={choice} className="flex items-start gap-2 text-xs">
            <input
              type="radio"
              name={`predict-${step.experiment}`}
              data-testid={`predict-${i}`}
              checked={progress?.prediction === i}
              onChange={() => onPredict(i)}
            />
            <span>{choice}</span>
          </label>
        ))}
      </fieldset>
      <div>
        <Button
          variant="primary"
          data-testid="lesson-run"
          disabled={runDisabled}
          title={runTitle}
          onClick={onRun}
        >
          {t.run}
        </Button>
      </div>
      {progress?.outcome && (
        <div
          role="status"
          data-testid="lesson-outcome"
          data-outcome={progress.outcome}
          className={`rounded border-l-4 px-2 py-1 text-xs ${OUTCOME_STYLE[progress.outcome]}`}
        >
          <div>{fill(t.youSaid, { choice: text.choices[progress.prediction] ?? '' })}</div>
          <div className="font-semibold">
            {progress.outcome === 'right'
              ? t.right
              : progress.outcome === 'wrong'
                ? fill(t.wrong, { answer: text.choices[step.answer] ?? '' })
                : t.unclear}
          </div>
        </div>
      )}
    </div>
  );
}
