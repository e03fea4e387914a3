import { describe, expect, it } from 'vitest';
import { childEnv } from './child-env';

describe('childEnv', () => {
  it('passes what tools need and nothing secret', () => {
    const env = childEnv(
      { EXTRA: '1' },
      {
        PATH: '/usr/bin',
        HOME: '/root',
        LC_ALL: 'C.UTF-8',
        JAVA_HOME: '/jdk',
        LAB_TOKEN: 'a-long-enough-secret',
        KAFKA_CONFIG: './client.properties',
        AWS_SECRET_ACCESS_KEY: 'x',
      },
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/root',
      LC_ALL: 'C.UTF-8',
      JAVA_HOME: '/jdk',
      EXTRA: '1',
    });
  });
});
