import { JvmObserver } from '../jvm/jvm-observer';

/**
 * A stand-in for the lab's server in its own process: starts a JvmObserver, prints the JVM's pid
 * and waits, so a test can kill this process the hard way and watch the JVM follow.
 */
const brokers = (process.argv[2] ?? '').split(',');
const observer = new JvmObserver({ rootDir: process.cwd(), brokers });
await observer.ping();
console.log(`JVM ${observer.pid}`);
setInterval(() => undefined, 60_000);
