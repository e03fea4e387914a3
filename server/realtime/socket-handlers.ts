import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/events';
import type { EmbeddedBroker } from '../broker/embedded-broker';
import { runCommand } from '../lab/commands';
import type { Lab } from '../lab/lab';
import { fullState } from './broadcaster';

export function attachSocketHandlers(
  io: Server<ClientToServerEvents, ServerToClientEvents>,
  lab: Lab,
  broker: EmbeddedBroker | null,
): void {
  io.on('connection', (socket) => {
    socket.emit('state:full', fullState(lab));
    socket.on('state:resync', () => socket.emit('state:full', fullState(lab)));
    socket.on('command', async (command, ack) => {
      const result = await runCommand(lab, broker, command);
      if (typeof ack === 'function') ack(result);
    });
  });
}
