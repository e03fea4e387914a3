import { describe, expect, it } from 'vitest';
import {
  ClientConfigError,
  clientSettings,
  jaasCredentials,
  settingsRedactor,
} from './client-settings';
import { detectFormat, parseClientConfig, parseIni, parseProperties } from './parse';

const COURSE_INI = `; the course's config.ini
[default]
bootstrap.servers = broker-1.example:9092,broker-2.example:9092
security.protocol = SASL_SSL
sasl.mechanisms = PLAIN
sasl.username = course-user
sasl.password = "s3cret-pass"
ssl.ca.location = /certs/ca.pem

[consumer]
group.id = ignored
`;

function errorOf(props: Record<string, string>): string {
  try {
    clientSettings(props);
  } catch (error) {
    if (error instanceof ClientConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ClientConfigError');
}

describe('parsing', () => {
  it('reads the [default] section of a course config.ini, quotes removed', () => {
    expect(detectFormat(COURSE_INI)).toBe('ini');
    expect(parseIni(COURSE_INI)).toEqual({
      'bootstrap.servers': 'broker-1.example:9092,broker-2.example:9092',
      'security.protocol': 'SASL_SSL',
      'sasl.mechanisms': 'PLAIN',
      'sasl.username': 'course-user',
      'sasl.password': 's3cret-pass',
      'ssl.ca.location': '/certs/ca.pem',
    });
  });

  it('reads Java properties: separators, comments, continuations and escapes', () => {
    const text = [
      '# comment',
      '! also a comment',
      'bootstrap.servers=a:9092',
      'security.protocol : SASL_PLAINTEXT',
      'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\',
      '    username="u" password="p\\\\q";',
      'key\\=with\\ space=v\\u00e9',
    ].join('\n');
    expect(detectFormat(text)).toBe('properties');
    expect(parseProperties(text)).toEqual({
      'bootstrap.servers': 'a:9092',
      'security.protocol': 'SASL_PLAINTEXT',
      'sasl.jaas.config':
        'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p\\q";',
      'key=with space': 'vé',
    });
  });
});

describe('clientSettings', () => {
  it('turns the course config into Java properties with a JAAS line and a PEM truststore', () => {
    const s = clientSettings(parseClientConfig(COURSE_INI));
    expect(s.bootstrap).toEqual(['broker-1.example:9092', 'broker-2.example:9092']);
    expect(s.sasl).toEqual({
      mechanism: 'PLAIN',
      username: 'course-user',
      password: 's3cret-pass',
    });
    expect(s.java).toEqual({
      'security.protocol': 'SASL_SSL',
      'sasl.mechanism': 'PLAIN',
      'sasl.jaas.config':
        'org.apache.kafka.common.security.plain.PlainLoginModule required username="course-user" password="s3cret-pass";',
      'ssl.truststore.type': 'PEM',
      'ssl.truststore.location': '/certs/ca.pem',
    });
    expect(s.secrets).toContain('s3cret-pass');
  });

  it('takes user and password out of a given JAAS line, for SCRAM too', () => {
    const jaas =
      'org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="pw-1";';
    const s = clientSettings({
      'bootstrap.servers': 'b:9093',
      'security.protocol': 'sasl_plaintext',
      'sasl.mechanism': 'scram-sha-256',
      'sasl.jaas.config': jaas,
    });
    expect(s.sasl).toEqual({ mechanism: 'SCRAM-SHA-256', username: 'alice', password: 'pw-1' });
    expect(s.java['sasl.jaas.config']).toBe(jaas);
    expect(jaasCredentials('nothing here')).toBeNull();
  });

  it('lets KAFKA_BROKERS override the file and keeps a Java truststore as it is', () => {
    const s = clientSettings(
      {
        'bootstrap.servers': 'ignored:1',
        'security.protocol': 'SSL',
        'ssl.truststore.location': '/t.jks',
        'ssl.truststore.password': 'trustpw',
        'ssl.endpoint.identification.algorithm': '',
      },
      ['x:9094'],
    );
    expect(s.bootstrap).toEqual(['x:9094']);
    expect(s.tls).toMatchObject({
      truststore: { location: '/t.jks', password: 'trustpw', type: 'JKS' },
      verifyHostname: false,
    });
    expect(s.java['ssl.truststore.location']).toBe('/t.jks');
    expect(s.java['ssl.endpoint.identification.algorithm']).toBe('');
    expect(s.secrets).toContain('trustpw');
  });

  it('names the field and the allowed values when something is wrong', () => {
    expect(errorOf({})).toContain('bootstrap.servers is required');
    expect(errorOf({ 'bootstrap.servers': 'a:1', 'security.protocol': 'TLS' })).toContain(
      'security.protocol must be one of: PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL',
    );
    expect(
      errorOf({
        'bootstrap.servers': 'a:1',
        'security.protocol': 'SASL_SSL',
        'sasl.mechanism': 'GSSAPI',
        'sasl.username': 'u',
        'sasl.password': 'p',
      }),
    ).toContain('sasl.mechanism must be one of: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512');
    expect(
      errorOf({ 'bootstrap.servers': 'a:1', 'security.protocol': 'SASL_PLAINTEXT' }),
    ).toContain('needs sasl.username and sasl.password');
  });
});

describe('settingsRedactor', () => {
  it('replaces every secret of the settings, also those read from files', () => {
    const settings = { ...clientSettings({ 'bootstrap.servers': 'a:1' }), secrets: ['pw-123'] };
    expect(settingsRedactor(settings)('login failed for pw-123 (pw-123)')).toBe(
      'login failed for [redacted] ([redacted])',
    );
  });
});
