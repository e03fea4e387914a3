import { describe, expect, it } from 'vitest';
import { REDACTED, redactor, redactWorkerMessage, secretValues } from './redact';

const props = {
  'security.protocol': 'SASL_SSL',
  'sasl.mechanism': 'PLAIN',
  'sasl.jaas.config':
    'org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="s3cr3t-pw";',
  'ssl.truststore.password': 'trust-me-123',
};

describe('redactor', () => {
  it('collects sensitive values and the JAAS options inside them, longest first', () => {
    const values = secretValues(props);
    expect(values).toContain('s3cr3t-pw');
    expect(values).toContain('trust-me-123');
    expect(values).toContain(props['sasl.jaas.config']);
    expect(values).not.toContain('SASL_SSL');
    expect(values[0]).toBe(props['sasl.jaas.config']);
  });

  it('masks every secret wherever it appears', () => {
    const redact = redactor(props);
    const text = `Invalid value ${props['sasl.jaas.config']} and trust-me-123; raw s3cr3t-pw`;
    const out = redact(text);
    expect(out).not.toContain('s3cr3t-pw');
    expect(out).not.toContain('trust-me-123');
    expect(out).toContain(REDACTED);
  });

  it('masks password-looking options even for values it was not told about', () => {
    const out = redactor({})('login failed: password="other-secret" user=bob');
    expect(out).toBe(`login failed: password=${REDACTED} user=bob`);
  });

  it('leaves ordinary text alone', () => {
    expect(redactor(props)('Timed out waiting for a node assignment')).toBe(
      'Timed out waiting for a node assignment',
    );
  });
});

describe('redactWorkerMessage', () => {
  it("masks an error's message and a retry's error, and leaves other reports alone", () => {
    const redact = redactor(props);
    const error = { type: 'error', message: 'SASL failed for s3cr3t-pw', at: 1 };
    expect(redactWorkerMessage(error, redact).message).toBe(`SASL failed for ${REDACTED}`);
    const retry = { type: 'retry', error: 'bad trust-me-123', attempt: 1 };
    expect(redactWorkerMessage(retry, redact).error).toBe(`bad ${REDACTED}`);
    const progress = { type: 'progress', seqs: [1] };
    expect(redactWorkerMessage(progress, redact)).toBe(progress);
  });
});
