import { acksUnderFailure } from './acks-under-failure';
import { KAFKA4_EXPERIMENTS } from './kafka4';
import type { ExperimentDefinition } from './runner';

/** Every experiment the lab can run and judge. */
export const EXPERIMENTS: ExperimentDefinition[] = [...KAFKA4_EXPERIMENTS, acksUnderFailure];
