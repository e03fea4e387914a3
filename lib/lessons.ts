import type { ExperimentId, ExperimentRun } from '@/protocol/experiments';

/**
 * The course's five parts as lessons. Each step asks the learner to predict what Kafka will do,
 * then runs a judged experiment on the real lab: the experiment's expectation is the step's
 * `answer`; the measured run says whether Kafka did so. Texts live in the dictionaries.
 */
export interface LessonStep {
  /** Also the step's id (its texts and its stored progress are keyed by it). */
  experiment: ExperimentId;
  /** How many choices the prediction offers, and which one the expectation states. */
  choices: number;
  answer: number;
}

export interface Lesson {
  id: LessonId;
  steps: LessonStep[];
}

export const LESSON_IDS = [
  'producer',
  'offsets',
  'semantics',
  'coordinator',
  'replication',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export const LESSONS: Lesson[] = [
  {
    id: 'producer',
    steps: [
      { experiment: 'same-key', choices: 3, answer: 0 },
      { experiment: 'broker-down', choices: 3, answer: 2 },
    ],
  },
  {
    id: 'offsets',
    steps: [
      { experiment: 'kill-restart', choices: 3, answer: 1 },
      { experiment: 'new-group-start', choices: 3, answer: 2 },
    ],
  },
  {
    id: 'semantics',
    steps: [
      { experiment: 'crash-uncommitted', choices: 3, answer: 0 },
      { experiment: 'at-most-once', choices: 3, answer: 1 },
      { experiment: 'poison-dlq', choices: 3, answer: 2 },
      { experiment: 'exactly-once-crash', choices: 3, answer: 0 },
    ],
  },
  {
    id: 'coordinator',
    steps: [
      { experiment: 'three-protocols', choices: 3, answer: 1 },
      { experiment: 'static-membership', choices: 3, answer: 0 },
      { experiment: 'slow-consumer', choices: 3, answer: 2 },
    ],
  },
  {
    id: 'replication',
    steps: [{ experiment: 'acks-under-failure', choices: 3, answer: 1 }],
  },
];

/** What the learner predicted for a step, and the run that answered it (once finished). */
export interface StepProgress {
  prediction: number;
  /** startedAt of the experiment run made for this prediction. */
  runStartedAt: number | null;
  outcome: 'right' | 'wrong' | 'unclear' | null;
}
export type LessonProgress = Record<string, StepProgress>;

/**
 * The comparison the step shows: a passed run means Kafka did what the expectation says, so the
 * prediction is right exactly when it chose the expectation; a failed run or an error proves
 * nothing about the prediction (the machine may have been too slow): unclear.
 */
export function outcomeOf(
  step: LessonStep,
  prediction: number,
  run: ExperimentRun,
): StepProgress['outcome'] {
  if (run.status === 'running') return null;
  if (run.status !== 'passed') return 'unclear';
  return prediction === step.answer ? 'right' : 'wrong';
}

export const PROGRESS_KEY = 'offset-lab.lessons.v1';

export function readProgress(raw: string | null): LessonProgress {
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    const out: LessonProgress = {};
    for (const [id, p] of Object.entries(parsed as Record<string, unknown>)) {
      const v = p as Partial<StepProgress>;
      if (typeof v?.prediction !== 'number') continue;
      out[id] = {
        prediction: v.prediction,
        runStartedAt: typeof v.runStartedAt === 'number' ? v.runStartedAt : null,
        outcome:
          v.outcome === 'right' || v.outcome === 'wrong' || v.outcome === 'unclear'
            ? v.outcome
            : null,
      };
    }
    return out;
  } catch {
    return {};
  }
}
