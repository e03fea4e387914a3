import type { CommandAck } from '../../protocol/commands';
import { type Snapshot, snapshotSchema } from '../../protocol/snapshot';

/** Talks to a running Offset Lab over its HTTP API, validating what comes back. */
export class LabClient {
  constructor(
    readonly url: string,
    private readonly token: string | null = null,
  ) {}

  private headers(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  async state(): Promise<Snapshot> {
    const res = await fetch(`${this.url}/api/state`, { headers: this.headers() });
    return snapshotSchema.parse(await res.json());
  }

  async command(body: Record<string, unknown>): Promise<{ status: number; ack: CommandAck }> {
    const res = await fetch(`${this.url}/api/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers() },
      body: JSON.stringify(body),
    });
    return { status: res.status, ack: (await res.json()) as CommandAck };
  }

  /** Runs a command that must succeed; returns its result. */
  async ok(body: Record<string, unknown>): Promise<unknown> {
    const { ack } = await this.command(body);
    if (!ack.ok) throw new Error(`${String(body.type)} failed: ${ack.error}`);
    return ack.result;
  }

  async group(groupId: string) {
    return (await this.state()).groups.find((g) => g.groupId === groupId);
  }
}
