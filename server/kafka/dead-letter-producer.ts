import type { Kafka, KafkaMessage, Message, Producer } from 'kafkajs';
import { deadLetterHeaders } from '../domain/dead-letter-headers';

/** Who dead-letters, and from where: the same for every record of one consumer. */
export interface DeadLetterSource {
  topic: string;
  dlqTopic: string;
  consumerId: string;
}

/**
 * The DLQ record for a message: its own key, value and headers, bytes unchanged, and headers
 * naming its origin (topic, partition, offset), the error and the attempts (protocol/delivery.ts
 * DLQ_HEADERS); where the original has a header of one of those names, the DLQ's comes last.
 */
export function deadLetterRecord(
  source: DeadLetterSource,
  partition: number,
  message: KafkaMessage,
  error: string,
  attempts: number,
): Message {
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      ...deadLetterHeaders({
        topic: source.topic,
        partition,
        offset: Number(message.offset),
        error,
        attempts,
        consumerId: source.consumerId,
      }),
    },
  };
}

/**
 * The DLQ outside a transaction (every commit mode but exactly-once): an idempotent producer with
 * acks=all, so a dead letter is on the broker before the consumer commits past its message. A
 * crash between the two sends it again after the restart: at-least-once, like the commits.
 */
export class DeadLetterProducer {
  private producer: Producer | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly source: DeadLetterSource,
  ) {}

  /** Resolves with the dead letter's offset in the DLQ (one partition: see delivery-topics.ts). */
  async send(
    partition: number,
    message: KafkaMessage,
    error: string,
    attempts: number,
  ): Promise<number> {
    if (!this.producer) {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      this.producer = producer;
    }
    const [meta] = await this.producer.send({
      topic: this.source.dlqTopic,
      acks: -1,
      messages: [deadLetterRecord(this.source, partition, message, error, attempts)],
    });
    return Number(meta?.baseOffset ?? -1);
  }

  async close(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = null;
  }
}
