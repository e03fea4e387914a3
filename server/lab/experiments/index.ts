import { acksUnderFailure } from './acks-under-failure';
import { COURSE_EXPERIMENTS } from './course-experiments';
import { CRASH_EXPERIMENTS } from './crash-experiments';
import { DELIVERY_EXPERIMENTS } from './delivery-experiments';
import { KAFKA4_EXPERIMENTS } from './kafka4';
import type { ExperimentDefinition } from './runner';

/** Every experiment the lab can run and judge. */
export const EXPERIMENTS: ExperimentDefinition[] = [
  ...CRASH_EXPERIMENTS,
  ...COURSE_EXPERIMENTS,
  ...DELIVERY_EXPERIMENTS,
  ...KAFKA4_EXPERIMENTS,
  acksUnderFailure,
];
