import { describe, expect, it } from 'vitest';
import { parseJavaMajor } from './preflight';

describe('parseJavaMajor', () => {
  it.each([
    ['openjdk version "17.0.2" 2022-01-18\nOpenJDK Runtime Environment', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['openjdk version "11.0.22" 2024-01-16 LTS', 11],
    ['java version "1.8.0_292"\nJava(TM) SE Runtime Environment', 8],
    ['java version "1.7.0_80"', 7],
    ['openjdk version "23-ea" 2024-09-17', 23],
    ['Picked up JAVA_TOOL_OPTIONS: -Xmx1g\nopenjdk version "17.0.9"', 17],
  ])('reads the major version from %j', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });

  it.each(['', 'bash: java: command not found', 'openjdk version unknown'])(
    'returns null for %j',
    (output) => {
      expect(parseJavaMajor(output)).toBeNull();
    },
  );
});
