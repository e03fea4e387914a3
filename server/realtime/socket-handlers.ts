import type { Server } from 'socket.io';
import { z } from 'zod';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/events';
import type { LabKafka } from '../broker/lab-kafka';
import { runCommand } from '../lab/commands';
import type { Lab } from '../lab/lab';
import { readRecords } from '../lab/read-records';
import type { Broadcaster } from './broadcaster';

/** How many groups one page may have open in full at once. */
export const MAX_WATCHED_GROUPS = 50;
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
    broadcaster.sendFull(socket);
    socket.on('state:resync', () => broadcaster.sendFull(socket));
    socket.on('groups:watch', (raw) => {
      const parsed = watchSchema.safeParse(raw);
      if (!parsed.success) return;
      watching.set(socket.id, new Set(parsed.data));
      updateWatched();
    });
    socket.on('disconnect', () => {
      if (watching.delete(socket.id)) updateWatched();
    });
    socket.on('records:read', async (query, ack) => {
      const result = await readRecords(lab, query);
      if (typeof ack === 'function') ack(result);
    });
    socket.on('command', async (command, ack) => {
      const result = await runCommand(lab, broker, command);
      if (typeof ack === 'function') ack(result);
    });
  });
}
