import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const ROOT = '/srv/offset-lab';

/** Next's types make NODE_ENV required on ProcessEnv; loadConfig must cope without it. */
const env = (vars: Record<string, string> = {}) => vars as NodeJS.ProcessEnv;

function configError(vars: Record<string, string>): string {
  try {
    loadConfig(env(vars), ROOT);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(vars)} to be rejected`);
}

describe('loadConfig', () => {
  it('uses the defaults for an empty environment', () => {
    expect(loadConfig(env(), ROOT)).toEqual({
      port: 3000,
      host: '127.0.0.1',
      externalBrokers: null,
      kafkaConfigFile: null,
      kafkaPort: 9092,
      controllerPort: 9093,
      kafkaDataDir: path.join(ROOT, '.kafka', 'data-9092'),
      labBrokers: 1,
      brokerNodes: [{ nodeId: 1, port: 9092 }],
      controllerId: 1,
      kafkaHeap: '512m',
      pollIntervalMs: 1000,
      mode: 'lab',
      scenario: 'default',
      publicUrl: null,
      allowedOrigins: [],
      labToken: null,
      readOnly: false,
      alertWebhook: null,
      dev: false,
      rootDir: ROOT,
    });
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig(
      env({
        PORT: '8080',
        HOST: '0.0.0.0',
        KAFKA_PORT: '19092',
        KAFKA_CONTROLLER_PORT: '19093',
        KAFKA_DATA_DIR: '/data/kafka',
        KAFKA_HEAP: '1G',
        POLL_INTERVAL_MS: '250',
        LAB_SCENARIO: 'empty',
        NODE_ENV: 'development',
      }),
      ROOT,
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      kafkaPort: 19092,
      controllerPort: 19093,
      kafkaDataDir: '/data/kafka',
      kafkaHeap: '1G',
      pollIntervalMs: 250,
      scenario: 'empty',
      dev: true,
    });
  });

  it('names the data directory after the Kafka port', () => {
    expect(loadConfig(env({ KAFKA_PORT: '29092' }), ROOT).kafkaDataDir).toBe(
      path.join(ROOT, '.kafka', 'data-29092'),
    );
  });

  it('LAB_BROKERS=3: brokers 1-3 on KAFKA_PORT, +1, +2, the controller (node 0) on +3', () => {
    expect(loadConfig(env({ LAB_BROKERS: '3', KAFKA_PORT: '19092' }), ROOT)).toMatchObject({
      labBrokers: 3,
      brokerNodes: [
        { nodeId: 1, port: 19092 },
        { nodeId: 2, port: 19093 },
        { nodeId: 3, port: 19094 },
      ],
      controllerId: 0,
      controllerPort: 19095,
      kafkaDataDir: path.join(ROOT, '.kafka', 'cluster-19092'),
    });
  });

  it('LAB_BROKERS=3 with explicit ids, ports and controller', () => {
    const config = loadConfig(
      env({
        LAB_BROKERS: '3',
        KAFKA_BROKER_PORTS: '7001, 7005,7009',
        KAFKA_BROKER_IDS: '11,12,13',
        KAFKA_CONTROLLER_ID: '10',
        KAFKA_CONTROLLER_PORT: '7000',
        KAFKA_DATA_DIR: '/data/cluster',
      }),
      ROOT,
    );
    expect(config).toMatchObject({
      brokerNodes: [
        { nodeId: 11, port: 7001 },
        { nodeId: 12, port: 7005 },
        { nodeId: 13, port: 7009 },
      ],
      controllerId: 10,
      controllerPort: 7000,
      kafkaDataDir: '/data/cluster',
    });
  });

  it.each([
    [{ LAB_BROKERS: '2' }, 'LAB_BROKERS: LAB_BROKERS must be 1 (one broker'],
    [{ LAB_BROKERS: 'three' }, 'LAB_BROKERS: LAB_BROKERS must be 1 (one broker'],
    [{ LAB_BROKERS: '3', KAFKA_BROKER_PORTS: '1,2' }, 'KAFKA_BROKER_PORTS must list 3 port'],
    [{ LAB_BROKERS: '3', KAFKA_BROKER_PORTS: '1,1,2' }, 'KAFKA_BROKER_PORTS must all differ'],
    [{ LAB_BROKERS: '3', KAFKA_BROKER_IDS: '1,2,x' }, 'KAFKA_BROKER_IDS must be whole numbers'],
    [
      { LAB_BROKERS: '3', KAFKA_BROKER_IDS: '0,1,2' },
      'must all differ (brokers 0, 1, 2, controller 0)',
    ],
    [
      { LAB_BROKERS: '3', KAFKA_CONTROLLER_PORT: '9093' },
      "KAFKA_CONTROLLER_PORT: KAFKA_CONTROLLER_PORT 9093 is also broker 2's port",
    ],
    [{ LAB_BROKERS: '3', KAFKA_PORT: '65534' }, 'KAFKA_PORT must be at most 65533 with 3 brokers'],
  ])('rejects the cluster shape %o', (vars, message) => {
    expect(configError(vars)).toContain(message);
  });

  it('splits and trims external brokers', () => {
    expect(loadConfig(env({ KAFKA_BROKERS: ' a:9092 , b:9093' }), ROOT).externalBrokers).toEqual([
      'a:9092',
      'b:9093',
    ]);
    expect(loadConfig(env({ KAFKA_BROKERS: 'localhost:9092' }), ROOT).externalBrokers).toEqual([
      'localhost:9092',
    ]);
  });

  it('treats blank KAFKA_BROKERS as "start the embedded broker"', () => {
    expect(loadConfig(env({ KAFKA_BROKERS: '' }), ROOT).externalBrokers).toBeNull();
    expect(loadConfig(env({ KAFKA_BROKERS: '   ' }), ROOT).externalBrokers).toBeNull();
  });

  it('monitors an outside cluster unless a scenario is asked for', () => {
    const monitor = loadConfig(env({ KAFKA_BROKERS: 'kafka:9092' }), ROOT);
    expect(monitor).toMatchObject({ mode: 'monitor', scenario: 'empty' });
    const lab = loadConfig(env({ KAFKA_BROKERS: 'kafka:9092', LAB_SCENARIO: 'default' }), ROOT);
    expect(lab).toMatchObject({ mode: 'lab', scenario: 'default' });
    expect(loadConfig(env(), ROOT)).toMatchObject({ mode: 'lab', scenario: 'default' });
  });

  it('reads the access settings', () => {
    const config = loadConfig(
      env({
        PUBLIC_URL: 'https://lab.example.com',
        ALLOWED_ORIGINS: 'http://a:3000, https://b',
        LAB_TOKEN: 'a-long-enough-secret',
        READ_ONLY: '1',
      }),
      ROOT,
    );
    expect(config).toMatchObject({
      publicUrl: 'https://lab.example.com',
      allowedOrigins: ['http://a:3000', 'https://b'],
      labToken: 'a-long-enough-secret',
      readOnly: true,
    });
  });

  it.each([
    ['PUBLIC_URL', 'lab.example.com', 'PUBLIC_URL must be an absolute URL'],
    ['ALLOWED_ORIGINS', 'http://a/path', 'ALLOWED_ORIGINS must be a comma-separated list'],
    ['LAB_TOKEN', 'short', 'LAB_TOKEN must be at least 16 characters'],
    ['READ_ONLY', 'yes', 'READ_ONLY must be 1 or 0'],
  ])('rejects %s=%s', (name, value, message) => {
    expect(configError({ [name]: value })).toContain(message);
  });

  it('only NODE_ENV=development is dev', () => {
    expect(loadConfig(env({ NODE_ENV: 'test' }), ROOT).dev).toBe(false);
    expect(loadConfig(env({ NODE_ENV: 'production' }), ROOT).dev).toBe(false);
  });

  it.each([
    ['PORT', '0'],
    ['PORT', '65536'],
    ['PORT', 'abc'],
    ['PORT', '80.5'],
    ['KAFKA_PORT', '70000'],
    ['KAFKA_CONTROLLER_PORT', '-1'],
  ])('rejects %s=%s with the port range', (name, value) => {
    const message = configError({ [name]: value });
    expect(message).toContain('Invalid configuration:');
    expect(message).toContain(`${name}: ${name} must be a port number from 1 to 65535`);
  });

  it.each(['199', '60001', '500.5', 'often'])('rejects POLL_INTERVAL_MS=%s', (value) => {
    expect(configError({ POLL_INTERVAL_MS: value })).toContain(
      'POLL_INTERVAL_MS must be an integer from 200 to 60000',
    );
  });

  it.each(['512', '1gb', 'lots', '-1g'])('rejects KAFKA_HEAP=%s', (value) => {
    expect(configError({ KAFKA_HEAP: value })).toContain('KAFKA_HEAP must look like 512m or 1g');
  });

  it('rejects an unknown scenario, listing the allowed ones', () => {
    expect(configError({ LAB_SCENARIO: 'busy' })).toContain(
      'LAB_SCENARIO must be one of: default, empty',
    );
  });

  it('rejects an empty HOST', () => {
    expect(configError({ HOST: '' })).toContain('HOST:');
  });

  it('reports every invalid setting, one per line', () => {
    const lines = configError({ PORT: '0', KAFKA_PORT: '0' }).split('\n');
    expect(lines).toEqual([
      'Invalid configuration:',
      'PORT: PORT must be a port number from 1 to 65535',
      'KAFKA_PORT: KAFKA_PORT must be a port number from 1 to 65535',
    ]);
  });

  it('reads the alert webhook and its token', () => {
    const config = loadConfig(
      env({ ALERT_WEBHOOK_URL: 'https://alerts.example.com/hook', ALERT_WEBHOOK_TOKEN: ' t0k ' }),
      ROOT,
    );
    expect(config.alertWebhook).toEqual({ url: 'https://alerts.example.com/hook', token: 't0k' });
    expect(loadConfig(env({ ALERT_WEBHOOK_URL: '' }), ROOT).alertWebhook).toBeNull();
  });

  it.each(['alerts', 'ftp://host/hook', 'file:///tmp/x'])('rejects ALERT_WEBHOOK_URL=%s', (v) => {
    expect(configError({ ALERT_WEBHOOK_URL: v })).toContain(
      'ALERT_WEBHOOK_URL must be an http:// or https:// URL',
    );
  });

  it('rejects a webhook URL with credentials in it, and a token that is no header value', () => {
    expect(configError({ ALERT_WEBHOOK_URL: 'https://user:pw@alerts.example.com/hook' })).toContain(
      'ALERT_WEBHOOK_URL must not hold a user or password',
    );
    expect(
      configError({ ALERT_WEBHOOK_URL: 'https://alerts.example.com/', ALERT_WEBHOOK_TOKEN: 'a b' }),
    ).toContain('ALERT_WEBHOOK_TOKEN must be printable ASCII');
  });

  it('rejects a webhook token without a webhook', () => {
    expect(configError({ ALERT_WEBHOOK_TOKEN: 'abc' })).toContain(
      'ALERT_WEBHOOK_TOKEN: set, but ALERT_WEBHOOK_URL',
    );
  });
});
