import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JAVAC_LOG, jvmClasspath } from './compile';

describe('the lab’s Java parts', () => {
  it('compile with every javac warning on, and none', async () => {
    const classes = (await jvmClasspath(process.cwd())).split(path.delimiter)[0] ?? '';
    expect(fs.readFileSync(path.join(classes, JAVAC_LOG), 'utf8')).toBe('');
  });
});
