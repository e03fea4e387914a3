import { describe, expect, it } from 'vitest';
import { log4jProperties, serverProperties } from './broker-properties';

const settings = { clientPort: 19092, controllerPort: 19093, dataDir: '/tmp/lab/data' };

function parse(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split('\n').filter(Boolean)) {
    const eq = line.indexOf('=');
    expect(eq).toBeGreaterThan(0);
    const key = line.slice(0, eq);
    expect(map.has(key)).toBe(false);
    map.set(key, line.slice(eq + 1));
  }
  return map;
}

describe('serverProperties', () => {
  const text = serverProperties(settings);
  const props = parse(text);

  it('is one key=value per line, ending with a newline', () => {
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(props.size).toBe(text.trimEnd().split('\n').length);
  });

  it('runs one KRaft node as broker and controller on 127.0.0.1 only', () => {
    expect(props.get('process.roles')).toBe('broker,controller');
    expect(props.get('node.id')).toBe('1');
    expect(props.get('controller.quorum.voters')).toBe('1@127.0.0.1:19093');
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(props.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:19092');
    expect(props.get('controller.listener.names')).toBe('CONTROLLER');
  });

  it('has the lab settings for fast, visible rebalances and explicit topics', () => {
    expect(props.get('group.initial.rebalance.delay.ms')).toBe('0');
    expect(props.get('group.min.session.timeout.ms')).toBe('1000');
    expect(props.get('auto.create.topics.enable')).toBe('false');
  });

  it('fits internal topics to a single broker', () => {
    expect(props.get('offsets.topic.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.min.isr')).toBe('1');
  });

  it('keeps the logs under the data directory', () => {
    expect(props.get('log.dirs')).toBe('/tmp/lab/data/logs');
    expect(props.get('log.segment.bytes')).toBe(String(64 * 1024 * 1024));
  });
});

describe('log4jProperties', () => {
  it('writes to the given file with rollover', () => {
    const props = parse(log4jProperties('/tmp/lab/broker.log'));
    expect(props.get('appender.file.fileName')).toBe('/tmp/lab/broker.log');
    expect(props.get('appender.file.filePattern')).toBe('/tmp/lab/broker.log.%i');
    expect(props.get('rootLogger.level')).toBe('INFO');
  });
});
