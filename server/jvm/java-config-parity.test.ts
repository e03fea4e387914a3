import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMIT_MODES, OFFSET_RESETS } from '../../protocol/commands';
import { ASSIGNORS, GROUP_PROTOCOLS } from '../../protocol/consumer-kinds';
import { WORKER_TIMINGS } from '../../protocol/worker-timings';
import { JAVA_SOURCES } from './compile';

const source = (file: string) =>
  fs.readFileSync(path.join(JAVA_SOURCES, 'offsetlab', file), 'utf8');

/**
 * The Java consumer validates the start command's enums itself (it is a process boundary); its
 * lists must be protocol/'s, so a value added there cannot be refused or misread in Java.
 */
describe('the Java consumer reads the start command as protocol/ defines it', () => {
  const config = source('LabConsumerConfig.java');
  const lists = new Map(
    [...config.matchAll(/oneOf\(c, "(\w+)", ([^)]*)\)/g)].map((m) => [
      m[1],
      [...(m[2] ?? '').matchAll(/"([^"]+)"/g)].map((v) => v[1]),
    ]),
  );

  it.each([
    ['protocol', GROUP_PROTOCOLS],
    ['assignor', ASSIGNORS],
    ['commitMode', COMMIT_MODES],
    ['offsetReset', OFFSET_RESETS],
  ] as const)('%s: the same values as protocol/', (field, values) => {
    expect(lists.get(field)?.slice().sort()).toEqual([...values].sort());
  });

  it('every timing comes from the start command: each is read, none is a Java constant', () => {
    const constant = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
    for (const key of Object.keys(WORKER_TIMINGS)) expect(config).toContain(`"${key}"`);
    for (const file of fs.readdirSync(path.join(JAVA_SOURCES, 'offsetlab'))) {
      if (!file.endsWith('.java')) continue;
      for (const key of Object.keys(WORKER_TIMINGS))
        expect(source(file), `${file} declares ${constant(key)}`).not.toMatch(
          new RegExp(`static final \\w+ ${constant(key)}\\b`),
        );
    }
  });
});
