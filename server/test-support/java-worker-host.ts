/**
 * A stand-in for the lab's server: starts one Java lab consumer and prints its messages as JSON
 * lines. Tests SIGKILL this process to see the JVM, whose stdin then closes, leave on its own.
 * Env: WORKER_CLASSPATH (from jvmClasspath) and WORKER_CONFIG (a WorkerConfig as JSON).
 */
import { workerConfigSchema } from '../../protocol/ipc';
import { JavaWorker } from '../jvm/java-worker';

const config = workerConfigSchema.parse(JSON.parse(process.env.WORKER_CONFIG ?? 'null'));
new JavaWorker(process.env.WORKER_CLASSPATH ?? '', config, {
  onMessage: (message) => process.stdout.write(`${JSON.stringify(message)}\n`),
  onExit: (code) => process.exit(code ?? 1),
  onStderr: () => undefined,
});
