import type { TestProject } from 'vitest/node';
import { startTestBroker } from './test-broker';

declare module 'vitest' {
  export interface ProvidedContext {
    brokers: string[];
  }
}

/** One real broker for the whole integration run, always stopped at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const broker = await startTestBroker();
  project.provide('brokers', broker.brokers);
  return broker.stop;
}
