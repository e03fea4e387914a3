import { z } from 'zod';

/**
 * How a kafkajs client connects to a secured cluster (the same settings the Java clients get as
 * Kafka properties). Holds secrets: it travels to worker processes over IPC, never argv or logs.
 */
export const kafkajsSecuritySchema = z.object({
  ssl: z
    .object({
      ca: z.array(z.string()).nullable(),
      cert: z.string().nullable(),
      key: z.string().nullable(),
      passphrase: z.string().nullable(),
      /** false only where ssl.endpoint.identification.algorithm is empty (no hostname check). */
      checkHostname: z.boolean(),
    })
    .nullable(),
  sasl: z
    .object({
      mechanism: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']),
      username: z.string(),
      password: z.string(),
    })
    .nullable(),
});
export type KafkajsSecurity = z.infer<typeof kafkajsSecuritySchema>;
