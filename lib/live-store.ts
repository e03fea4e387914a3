'use client';

import { io, type Socket } from 'socket.io-client';
import type { CommandAck, CommandInput } from '../protocol/commands';
import { commandAckSchema } from '../protocol/commands';
import {
  type ClientToServerEvents,
  fullStateSchema,
  type ServerToClientEvents,
  stateDeltaSchema,
} from '../protocol/events';
import { historyPointSchema } from '../protocol/history';
import {
  type ReadRecordsAck,
  type ReadRecordsInput,
  readRecordsAckSchema,
} from '../protocol/records';
import { timelineEventSchema } from '../protocol/timeline';
import { applyLiveEvents, initialLiveState, type LiveEvent, type LiveState } from './live-reducer';
import { leadingThrottle } from './throttle';

/** The page applies server pushes at most this often, in one batch (a lone one at once). */
export const FLUSH_INTERVAL_MS = 100;
const COMMAND_TIMEOUT_MS = 30_000;

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface LiveStore {
  subscribe: (listener: () => void) => () => void;
  getState: () => LiveState;
  /** Typed by the protocol's schemas: a misspelt field or type fails to compile. */
  command: (command: CommandInput) => Promise<CommandAck>;
  /** The groups this page shows in full; the server then sends their details. */
  watch: (groupIds: string[]) => void;
  /** The message browser: one page of a partition. */
  readRecords: (query: ReadRecordsInput) => Promise<ReadRecordsAck>;
}

export function createLiveStore(url?: string): LiveStore {
  let state = initialLiveState;
  let buffer: LiveEvent[] = [];
  const listeners = new Set<() => void>();
  const socket: ClientSocket = url ? io(url) : io();

  const flush = leadingThrottle(() => {
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    state = applyLiveEvents(state, batch);
    if (state.needsResync) {
      state = { ...state, needsResync: false };
      socket.emit('state:resync');
    }
    for (const listener of listeners) listener();
  }, FLUSH_INTERVAL_MS);
  const push = (event: LiveEvent) => {
    buffer.push(event);
    flush.schedule();
  };
  let watched: string[] = [];
  socket.on('connect', () => {
    push({ type: 'socket', status: 'connected' });
    // A new connection is a new socket on the server: tell it again what this page shows.
    if (watched.length > 0) socket.emit('groups:watch', watched);
  });
  socket.on('disconnect', () => push({ type: 'socket', status: 'reconnecting' }));
  socket.io.on('reconnect_attempt', () => push({ type: 'socket', status: 'reconnecting' }));
  socket.on('state:full', (raw) => {
    const parsed = fullStateSchema.safeParse(raw);
    if (parsed.success) push({ type: 'full', state: parsed.data });
  });
  socket.on('state:delta', (raw) => {
    const parsed = stateDeltaSchema.safeParse(raw);
    if (parsed.success) push({ type: 'delta', delta: parsed.data });
  });
  socket.on('history:appended', (raw) => {
    const parsed = historyPointSchema.safeParse(raw);
    if (parsed.success) push({ type: 'history', point: parsed.data });
  });
  socket.on('timeline:appended', (raw) => {
    const parsed = timelineEventSchema.array().safeParse(raw);
    if (parsed.success) push({ type: 'timeline', events: parsed.data });
  });

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    watch: (groupIds) => {
      watched = groupIds;
      socket.emit('groups:watch', groupIds);
    },
    readRecords: (query) =>
      new Promise<ReadRecordsAck>((resolve) => {
        socket
          .timeout(COMMAND_TIMEOUT_MS)
          .emit('records:read', query, (error: Error | null, raw: ReadRecordsAck) => {
            if (error)
              return resolve({
                ok: false,
                error: 'no answer from the server within 30 s',
                kind: 'kafka',
              });
            const parsed = readRecordsAckSchema.safeParse(raw);
            resolve(
              parsed.success
                ? parsed.data
                : { ok: false, error: 'the server sent an unreadable answer', kind: 'kafka' },
            );
          });
      }),
    command: (command) =>
      new Promise<CommandAck>((resolve) => {
        socket
          .timeout(COMMAND_TIMEOUT_MS)
          .emit('command', command, (error: Error | null, raw: CommandAck) => {
            if (error)
              return resolve({
                ok: false,
                error: 'no answer from the server within 30 s',
                kind: 'unavailable',
              });
            const parsed = commandAckSchema.safeParse(raw);
            resolve(
              parsed.success
                ? parsed.data
                : { ok: false, error: 'the server sent an unreadable answer', kind: 'unavailable' },
            );
          });
      }),
  };
}
