import { afterAll, beforeAll } from 'vitest';
import { JvmObserver } from '../jvm/jvm-observer';

/** One Admin-client JVM for a test file's suite, closed after it; call inside `describe`. */
export function suiteObserver(brokers: string[]): () => JvmObserver {
  let observer: JvmObserver | undefined;
  beforeAll(() => {
    observer = new JvmObserver({ rootDir: process.cwd(), brokers });
  });
  afterAll(async () => {
    await observer?.close();
  });
  return () => {
    if (!observer) throw new Error('the suite observer is used before beforeAll ran');
    return observer;
  };
}
