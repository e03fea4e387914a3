'use client';

import { io, type Socket } from 'socket.io-client';
import type { CommandAck, CommandInput } from '../protocol/commands';
import { commandAckSchema } from '../protocol/commands';
import {
  type ClientToServerEvents,
  type FullState,
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
  /**
   * Opens the socket (from an effect, never while rendering: the server renders the page from
   * the initial state); answers the function that closes it.
   */
  connect: () => () => void;
  subscribe: (listener: () => void) => () => void;
  getState: () => LiveState;
  /** Typed by the protocol's schemas: a misspelt field or type fails to compile. */
  command: (command: CommandInput) => Promise<CommandAck>;
  /** The groups this page shows in full; the server then sends their details. */
  watch: (groupIds: string[]) => void;
  /** The message browser: one page of a partition. */
  readRecords: (query: ReadRecordsInput) => Promise<ReadRecordsAck>;
}

/** The server's state as it rendered the page, so the first paint needs no round trip. */
export function initialStateFrom(full: FullState | null): LiveState {
  return full
    ? applyLiveEvents(initialLiveState, [{ type: 'full', state: full }])
    : initialLiveState;
}

export function createLiveStore(
  options: { url?: string; initial?: FullState | null } = {},
): LiveStore {
  let state = initialStateFrom(options.initial ?? null);
  let buffer: LiveEvent[] = [];
  const listeners = new Set<() => void>();
  let socket: ClientSocket | null = null;

  const flush = leadingThrottle(() => {
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    state = applyLiveEvents(state, batch);
    if (state.needsResync) {
      state = { ...state, needsResync: false };
      socket?.emit('state:resync');
    }
    for (const listener of listeners) listener();
  }, FLUSH_INTERVAL_MS);
  const push = (event: LiveEvent) => {
    buffer.push(event);
    flush.schedule();
  };
  let watched: string[] = [];
  const attach = (s: ClientSocket) => {
    s.on('connect', () => {
      push({ type: 'socket', status: 'connected' });
      // A new connection is a new socket on the server: tell it again what this page shows.
      if (watched.length > 0) s.emit('groups:watch', watched);
    });
    s.on('disconnect', () => push({ type: 'socket', status: 'reconnecting' }));
    s.io.on('reconnect_attempt', () => push({ type: 'socket', status: 'reconnecting' }));
    s.on('state:full', (raw) => {
      const parsed = fullStateSchema.safeParse(raw);
      if (parsed.success) push({ type: 'full', state: parsed.data });
    });
    s.on('state:delta', (raw) => {
      const parsed = stateDeltaSchema.safeParse(raw);
      if (parsed.success) push({ type: 'delta', delta: parsed.data });
    });
    s.on('history:appended', (raw) => {
      const parsed = historyPointSchema.safeParse(raw);
      if (parsed.success) push({ type: 'history', point: parsed.data });
    });
    s.on('timeline:appended', (raw) => {
      const parsed = timelineEventSchema.array().safeParse(raw);
      if (parsed.success) push({ type: 'timeline', events: parsed.data });
    });
  };
  const NOT_CONNECTED = 'not connected to the server yet';

  return {
    connect: () => {
      const s: ClientSocket = options.url ? io(options.url) : io();
      socket = s;
      attach(s);
      return () => {
        s.close();
        if (socket === s) socket = null;
      };
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    watch: (groupIds) => {
      watched = groupIds;
      socket?.emit('groups:watch', groupIds);
    },
    readRecords: (query) =>
      new Promise<ReadRecordsAck>((resolve) => {
        if (!socket) return resolve({ ok: false, error: NOT_CONNECTED, kind: 'kafka' });
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
        if (!socket) return resolve({ ok: false, error: NOT_CONNECTED, kind: 'unavailable' });
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
