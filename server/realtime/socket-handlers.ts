import type { Server } from 'socket.io';
import { z } from 'zod';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/events';
import type { LabKafka } from '../broker/lab-kafka';
import { socketBoundary } from '../http/boundary';
import { runCommand } from '../lab/commands';
import type { Lab } from '../lab/lab';
import { readRecords } from '../lab/read-records';
import type { Broadcaster } from './broadcaster';

/** How many groups one page may have open in full at once. */
export const MAX_WATCHED_GROUPS = 50;
/** The same cap as an HTTP command's body: every client message is a small command. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;
/** A full snapshot is the costliest thing a client can ask for: once a second per socket. */
export const RESYNC_INTERVAL_MS = 1000;
const watchSchema = z.array(z.string().min(1).max(255)).max(MAX_WATCHED_GROUPS);

export function attachSocketHandlers(
  io: Server<ClientToServerEvents, ServerToClientEvents>,
  lab: Lab,
  broker: LabKafka | null,
  broadcaster: Broadcaster,
): void {
  const watching = new Map<string, Set<string>>();
  const updateWatched = () => lab.watch(new Set([...watching.values()].flatMap((s) => [...s])));
  io.on('connection', (socket) => {
    const remote = socket.handshake.address;
    const on = <E extends keyof ClientToServerEvents>(
      event: E,
      handler: (...args: Parameters<ClientToServerEvents[E]>) => void | Promise<void>,
    ) =>
      // socket.io's listener type is the union of every event's; each handler here is its own.
      socket.on(event, socketBoundary(event, remote, handler) as never);
    broadcaster.sendFull(socket);
    let lastResyncAt = 0;
    on('state:resync', () => {
      const now = Date.now();
      if (now - lastResyncAt < RESYNC_INTERVAL_MS) return;
      lastResyncAt = now;
      broadcaster.sendFull(socket);
    });
    on('groups:watch', (raw) => {
      const parsed = watchSchema.safeParse(raw);
      if (!parsed.success) return;
      watching.set(socket.id, new Set(parsed.data));
      updateWatched();
    });
    socket.on('disconnect', () => {
      if (watching.delete(socket.id)) updateWatched();
    });
    on('records:read', async (query, ack) => {
      const result = await readRecords(lab, query);
      if (typeof ack === 'function') ack(result);
    });
    on('command', async (command, ack) => {
      const result = await runCommand(lab, broker, command);
      if (typeof ack === 'function') ack(result);
    });
  });
}
