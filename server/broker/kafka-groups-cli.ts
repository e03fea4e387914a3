/**
 * `npm run kafka-consumer-groups -- --describe --group crypto-consumer-group`
 * Kafka's own tool against the lab's broker (or KAFKA_BROKERS), to compare with the dashboard.
 */
import { runConsumerGroupsTool } from './kafka-tools';

const args = process.argv.slice(2);
if (!args.includes('--bootstrap-server')) {
  const brokers =
    process.env.KAFKA_BROKERS?.trim() || `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`;
  args.unshift('--bootstrap-server', brokers);
}
if (args.length === 2) args.push('--describe', '--all-groups');
const { code } = await runConsumerGroupsTool(process.cwd(), args, { inherit: true });
process.exit(code);
