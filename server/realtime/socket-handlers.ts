import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/events';
import type { EmbeddedBroker } from '../broker/embedded-broker';
import { runCommand } from '../lab/commands';
import type { Lab } from '../lab/lab';
import type { Broadcaster } from './broadcaster';

export function attachSocketHandlers(
  io: Server<ClientToServerEvents, ServerToClientEvents>,
  lab: Lab,
  broker: EmbeddedBroker | null,
  broadcaster: Broadcaster,
): void {
  io.on('connection', (socket) => {
    broadcaster.sendFull(socket);
    socket.on('state:resync', () => broadcaster.sendFull(socket));
    socket.on('command', async (command, ack) => {
      const result = await runCommand(lab, broker, command);
      if (typeof ack === 'function') ack(result);
    });
  });
}
