import { DEFAULT_GROUP, labClientId } from '../../protocol/constants';
import type { WorkerConfig, WorkerMessage } from '../../protocol/ipc';
import type { KafkajsSecurity } from '../../protocol/security';
import type { LabGroupConfig } from '../../protocol/snapshot';
import { WORKER_TIMINGS } from '../../protocol/worker-timings';
import {
  JavaWorker,
  LAB_CONSUMER_MAIN_CLASS,
  LAB_SHARE_CONSUMER_MAIN_CLASS,
} from '../jvm/java-worker';
import { CommandError } from './command-error';
import {
  type ConsumerHandle,
  ConsumerProcess,
  type ConsumerProcessEvents,
} from './consumer-process';
import { deliveryWorkerFields } from './delivery-topics';
import { buildWorkerBundle } from './worker-bundle';

export interface SupervisorOptions {
  brokers: string[];
  clientProperties: Record<string, string>;
  kafkajsSecurity: KafkajsSecurity | null;
  /** Null: no JDK was found, so Java consumers cannot start. */
  jvmClasspath: string | null;
  /** The producer run whose `seq` numbers the audits count. */
  runId: string;
}

/** What the lab's consumer processes say, each tagged with the lab id and incarnation it is. */
export interface SupervisedEvents {
  message: (
    id: string,
    incarnation: number,
    config: LabGroupConfig,
    message: WorkerMessage,
  ) => void;
  stderr: (id: string, line: string) => void;
  exited: (id: string, incarnation: number, code: number | null, signal: string | null) => void;
}

export interface Supervised {
  incarnation: number;
  handle: ConsumerHandle;
}

/**
 * The lab's consumer processes, one OS process per consumer: their ids, how each is started
 * (a forked kafkajs worker or a Java worker), the running handle of each, and stopping them all.
 * What their messages mean is the lab's; this only starts, tracks and tags.
 */
export class ConsumerSupervisor {
  /** Each running consumer process, with the incarnation it was started as. */
  readonly processes = new Map<string, Supervised>();
  private readonly nextNumber = new Map<string, number>();
  private readonly workerPath = buildWorkerBundle();

  constructor(
    private readonly options: SupervisorOptions,
    private readonly events: SupervisedEvents,
  ) {}

  /** c1, c2… in the default group; `<group>-c1`… in the others. */
  newId(groupId: string): string {
    const n = (this.nextNumber.get(groupId) ?? 0) + 1;
    this.nextNumber.set(groupId, n);
    const prefix = groupId === DEFAULT_GROUP ? 'c' : `${groupId}-c`;
    return `${prefix}${n}`;
  }

  spawn(id: string, incarnation: number, config: LabGroupConfig, delayMs: number): ConsumerHandle {
    const o = this.options;
    const workerConfig: WorkerConfig = {
      ...config,
      consumerId: id,
      // A share member cannot tell its member id: the lab knows it by a client id per process.
      clientId: config.protocol === 'share' ? labClientId(id, incarnation) : labClientId(id),
      clientProperties: o.clientProperties,
      kafkajs: o.kafkajsSecurity,
      groupInstanceId: config.staticMembership ? `${config.groupId}-${id}` : null,
      brokers: o.brokers,
      delayMs,
      runId: o.runId,
      timings: WORKER_TIMINGS,
      ...deliveryWorkerFields(config, id),
    };
    const proc = this.start(workerConfig, {
      onMessage: (message) => this.events.message(id, incarnation, config, message),
      onStderr: (line) => this.events.stderr(id, line),
      onExit: (code, signal) => {
        if (this.processes.get(id)?.handle === proc) this.processes.delete(id);
        this.events.exited(id, incarnation, code, signal);
      },
    });
    this.processes.set(id, { incarnation, handle: proc });
    return proc;
  }

  /** The running process of a consumer, if there is one. */
  handle(id: string): ConsumerHandle | null {
    return this.processes.get(id)?.handle ?? null;
  }

  /** Graceful stops of all, each killed if it has not exited after `timeoutMs`. */
  async stopAll(timeoutMs: number): Promise<void> {
    await Promise.all([...this.processes.values()].map((p) => p.handle.stop(timeoutMs)));
  }

  private start(config: WorkerConfig, events: ConsumerProcessEvents): ConsumerHandle {
    if (config.client === 'kafkajs') return new ConsumerProcess(this.workerPath, config, events);
    const classpath = this.options.jvmClasspath;
    if (!classpath)
      throw new CommandError('client: Java consumers need a JDK, and none was found at start-up');
    return new JavaWorker(
      classpath,
      config,
      events,
      config.protocol === 'share' ? LAB_SHARE_CONSUMER_MAIN_CLASS : LAB_CONSUMER_MAIN_CLASS,
    );
  }
}
