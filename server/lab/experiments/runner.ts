import { randomUUID } from 'node:crypto';
import type { CommandInput } from '../../../protocol/commands';
import type { ExperimentId, ExperimentRun } from '../../../protocol/experiments';
import type { GroupInfo } from '../../../protocol/snapshot';
import { own } from '../../state/own';
import { CommandError } from '../command-error';
import type { Lab } from '../lab';

/** What an experiment can do: run lab commands, wait for Kafka, note steps and measure. */
export interface ExperimentContext {
  lab: Lab;
  /** Runs a lab command like the page would; throws with the command's error if it fails. */
  command: (command: CommandInput) => Promise<unknown>;
  step: (key: string, params?: Record<string, string | number>) => void;
  /** Checks `check` whenever the lab's state changes, until it returns a value. */
  waitFor: <T>(
    what: string,
    check: () => T | undefined | false | null,
    timeoutMs: number,
  ) => Promise<T>;
  measure: (key: string, value: number | string, expected?: string, ok?: boolean) => void;
  group: (groupId: string) => GroupInfo | undefined;
  /** A fresh group id for this run, remembered so the page can open it. */
  newGroupId: (prefix: string) => string;
}

export interface ExperimentDefinition {
  id: ExperimentId;
  run: (ctx: ExperimentContext) => Promise<void>;
}

export type RunCommand = (
  command: CommandInput,
) => Promise<{ ok: true; result: unknown } | { ok: false; error: string }>;

/** Runs one experiment at a time and keeps each one's last run in the lab's state. */
export class ExperimentRunner {
  private running: ExperimentId | null = null;

  constructor(
    private readonly lab: Lab,
    private readonly definitions: ExperimentDefinition[],
    private readonly runCommand: RunCommand,
  ) {}

  /** Starts it; `startedAt` names the run, so a caller can tell its result from earlier ones. */
  start(id: ExperimentId): { id: ExperimentId; started: true; startedAt: number } {
    const definition = this.definitions.find((d) => d.id === id);
    if (!definition) throw new CommandError(`id: no experiment "${id}"`);
    if (this.running)
      throw new CommandError(
        `id: experiment ${this.running} is still running; wait for its result`,
      );
    this.running = id;
    let run: ExperimentRun = {
      id,
      status: 'running',
      startedAt: Date.now(),
      finishedAt: null,
      steps: [],
      measurements: [],
      error: null,
      groupIds: [],
    };
    const update = (patch: Partial<ExperimentRun>) => {
      run = { ...run, ...patch };
      this.lab.dispatch({ type: 'experiment/updated', run });
    };
    update({});
    const ctx = this.context(() => run, update);
    void definition
      .run(ctx)
      .then(() => {
        const failed = run.measurements.some((m) => m.ok === false);
        update({ status: failed ? 'failed' : 'passed', finishedAt: Date.now() });
      })
      .catch((error: unknown) =>
        update({ status: 'error', error: (error as Error).message, finishedAt: Date.now() }),
      )
      .finally(() => {
        this.running = null;
        // In the background: the next experiment may start while these groups go.
        void this.cleanUp(run.groupIds);
      });
    return { id, started: true, startedAt: run.startedAt };
  }

  /**
   * The card keeps the measures; the run's groups go, so their consumers stop taking the cores
   * and a learner's lab holds only what they made. Best effort: a group already deleted is fine.
   */
  private async cleanUp(groupIds: readonly string[]): Promise<void> {
    for (const groupId of groupIds) {
      if (!own(this.lab.state.labGroups, groupId)) continue;
      const ack = await this.runCommand({ type: 'group:delete', groupId });
      if (!ack.ok)
        console.warn(`[offset-lab] could not delete ${groupId} after its experiment: ${ack.error}`);
    }
  }

  private context(
    current: () => ExperimentRun,
    update: (patch: Partial<ExperimentRun>) => void,
  ): ExperimentContext {
    const lab = this.lab;
    return {
      lab,
      command: async (command) => {
        const ack = await this.runCommand(command);
        if (!ack.ok) throw new Error(`${command.type}: ${ack.error}`);
        return ack.result;
      },
      step: (key, params = {}) =>
        update({ steps: [...current().steps, { at: Date.now(), key, params }] }),
      waitFor: (what, check, timeoutMs) =>
        new Promise((resolve, reject) => {
          const done = () => {
            const value = check();
            if (value === undefined || value === false || value === null) return;
            cleanup();
            resolve(value);
          };
          const timer = setTimeout(() => {
            cleanup();
            reject(
              new Error(`gave up after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`),
            );
          }, timeoutMs);
          const cleanup = () => {
            clearTimeout(timer);
            lab.off('changed', done);
          };
          lab.on('changed', done);
          done();
        }),
      measure: (key, value, expected, ok) =>
        update({
          measurements: [
            ...current().measurements,
            { key, value, expected: expected ?? null, ok: ok ?? null },
          ],
        }),
      group: (groupId) => lab.snapshot().groups.find((g) => g.groupId === groupId),
      newGroupId: (prefix) => {
        const groupId = `${prefix}-${randomUUID().slice(0, 6)}`;
        update({ groupIds: [...current().groupIds, groupId] });
        return groupId;
      },
    };
  }
}
