import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labSettings } from './broker-properties';

/** The Kafka image's convention: `group.share.session.timeout.ms` is KAFKA_GROUP_SHARE_SESSION_TIMEOUT_MS. */
const envName = (key: string) => `KAFKA_${key.toUpperCase().replaceAll('.', '_')}`;

describe('docker-compose.yml', () => {
  it("gives Kafka every one of the embedded broker's lab settings, with the same value", () => {
    const compose = fs.readFileSync('docker-compose.yml', 'utf8');
    const env = new Map(
      [...compose.matchAll(/^\s+(KAFKA_[A-Z0-9_]+):\s*"?([^"\s]+)"?\s*$/gm)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    const differing = Object.entries(labSettings())
      .map(([key, value]) => ({ key, want: String(value), got: env.get(envName(key)) }))
      .filter((s) => s.got !== s.want);
    expect(differing).toEqual([]);
  });
});
