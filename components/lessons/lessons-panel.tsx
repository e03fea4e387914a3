'use client';

import { useCallback, useEffect, useState } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import {
  LESSONS,
  type LessonProgress,
  outcomeOf,
  PROGRESS_KEY,
  readProgress,
  type StepProgress,
} from '@/lib/lessons';
import { useCanAct, useLive } from '@/lib/use-live';
import { labBrokerCount } from '@/protocol/cluster-nodes';
import { ResultCard } from '../experiments/judged-experiments';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { Panel } from '../ui/panel';
import { LessonStepView } from './lesson-step';

/** Progress lives in this browser: a learner comes back to the step they left. */
function useProgress(): [LessonProgress, (id: string, p: StepProgress | null) => void] {
  const [progress, setProgress] = useState<LessonProgress>({});
  useEffect(() => setProgress(readProgress(localStorage.getItem(PROGRESS_KEY))), []);
  const update = useCallback((id: string, p: StepProgress | null) => {
    setProgress((current) => {
      const next = { ...current };
      if (p) next[id] = p;
      else delete next[id];
      localStorage.setItem(PROGRESS_KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return [progress, update];
}

/**
 * The course, walked in order: each step asks for a prediction, runs its judged experiment on the
 * real lab, then sets the measured result beside the prediction.
 */
export function LessonsPanel() {
  const canAct = useCanAct();
  const d = useDict();
  const t = d.lessons.panel;
  const runs = useLive((s) => s.snapshot?.experiments);
  const labBrokers = useLive((s) => labBrokerCount(s.snapshot?.nodes ?? []));
  const command = useCommand();
  const [progress, setStep] = useProgress();
  const [lessonAt, setLessonAt] = useState(0);
  const [stepAt, setStepAt] = useState(0);
  const lesson = LESSONS[lessonAt] ?? LESSONS[0];
  const step = lesson?.steps[stepAt] ?? lesson?.steps[0];
  const mine = step ? progress[step.experiment] : undefined;
  const run =
    step && mine?.runStartedAt
      ? runs?.find((r) => r.id === step.experiment && r.startedAt === mine.runStartedAt)
      : undefined;
  // The run answered: keep the comparison, so it is there after a reload too.
  useEffect(() => {
    if (!step || !mine || !run || mine.outcome) return;
    const outcome = outcomeOf(step, mine.prediction, run);
    if (outcome) setStep(step.experiment, { ...mine, outcome });
  }, [step, mine, run, setStep]);
  if (!canAct || !lesson || !step) return null;
  const total = LESSONS.reduce((n, l) => n + l.steps.length, 0);
  const done = Object.values(progress).filter(
    (p) => p.outcome === 'right' || p.outcome === 'wrong',
  ).length;
  const busy = runs?.some((r) => r.status === 'running') ?? false;
  const blocked =
    step.experiment === 'acks-under-failure' && labBrokers < 3
      ? d.experiments.card.needsThreeBrokers
      : step.experiment === 'broker-down' && labBrokers > 1
        ? d.experiments.card.oneBrokerOnly
        : null;
  const go = (lessonIndex: number, stepIndex: number) => {
    setLessonAt(lessonIndex);
    setStepAt(stepIndex);
  };
  const next = () => {
    if (stepAt + 1 < lesson.steps.length) go(lessonAt, stepAt + 1);
    else if (lessonAt + 1 < LESSONS.length) go(lessonAt + 1, 0);
  };
  const runIt = async () => {
    if (!mine) return;
    const ack = await command({ type: 'experiment:run', id: step.experiment });
    const startedAt = ack.ok
      ? (ack.result as { startedAt?: unknown } | undefined)?.startedAt
      : null;
    if (typeof startedAt === 'number')
      setStep(step.experiment, { ...mine, runStartedAt: startedAt, outcome: null });
  };
  return (
    <Panel
      title={t.title}
      testId="lessons"
      actions={
        <span className="text-xs text-slate-600 dark:text-slate-400" data-testid="lessons-done">
          {fill(t.done, { done, total })}
        </span>
      }
    >
      <div role="tablist" aria-label={t.title} className="mb-2 flex flex-wrap gap-1">
        {LESSONS.map((l, i) => (
          <button
            key={l.id}
            type="button"
            role="tab"
            aria-selected={i === lessonAt}
            data-testid={`lesson-${l.id}`}
            onClick={() => go(i, 0)}
            className={`rounded px-2 py-0.5 text-xs ${i === lessonAt ? 'bg-sky-700 text-white' : 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200'}`}
          >
            {fill(t.part, { n: i + 1 })}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="flex flex-col gap-2 text-sm">
        <div>
          <div className="font-semibold">{d.lessons.lessons[lesson.id].title}</div>
          <div className="text-xs text-slate-600 dark:text-slate-400">
            {d.lessons.lessons[lesson.id].intro}
          </div>
        </div>
        <LessonStepView
          key={step.experiment}
          step={step}
          position={fill(t.step, { n: stepAt + 1, of: lesson.steps.length })}
          progress={mine ?? null}
          onPredict={(prediction) =>
            setStep(step.experiment, { prediction, runStartedAt: null, outcome: null })
          }
          onRun={runIt}
          runDisabled={mine === undefined || busy || blocked !== null}
          runTitle={
            blocked
              ? fill(t.blocked, { why: blocked })
              : busy
                ? t.busy
                : !mine
                  ? t.pickFirst
                  : t.runTitle
          }
          running={run?.status === 'running'}
        />
        {run && <ResultCard run={run} />}
        <div className="flex flex-wrap items-center gap-2">
          <Button
            disabled={lessonAt === 0 && stepAt === 0}
            onClick={() =>
              stepAt > 0
                ? go(lessonAt, stepAt - 1)
                : go(lessonAt - 1, (LESSONS[lessonAt - 1]?.steps.length ?? 1) - 1)
            }
          >
            {t.previous}
          </Button>
          <Button
            data-testid="lesson-next"
            disabled={lessonAt === LESSONS.length - 1 && stepAt === lesson.steps.length - 1}
            onClick={next}
          >
            {t.next}
          </Button>
          <Button
            variant="ghost"
            className="ml-auto"
            onClick={() => {
              for (const id of Object.keys(progress)) setStep(id, null);
              go(0, 0);
            }}
          >
            {t.reset}
          </Button>
        </div>
      </div>
    </Panel>
  );
}
