/**
 * `npm run kafka-consumer-groups -- --describe --group crypto-consumer-group`
 * `npm run kafka-share-groups -- --describe --group my-share-group --members`
 * Kafka's own tools against the lab's broker (or KAFKA_BROKERS), to compare with the dashboard.
 * The first argument names the tool (`consumer` or `share`); the rest go to Kafka's tool.
 */
import { GROUP_TOOLS, type GroupTool, runGroupTool } from './kafka-tools';

const [tool, ...args] = process.argv.slice(2);
if (tool === undefined || !Object.hasOwn(GROUP_TOOLS, tool)) {
  process.stderr.write(
    `kafka-groups-cli: the first argument is the tool, consumer or share (got "${tool ?? ''}")\n`,
  );
  process.exit(2);
}
if (!args.includes('--bootstrap-server')) {
  const brokers =
    process.env.KAFKA_BROKERS?.trim() || `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`;
  args.unshift('--bootstrap-server', brokers);
}
if (args.length === 2) args.push('--describe', '--all-groups');
const { code } = await runGroupTool(tool as GroupTool, process.cwd(), args, { inherit: true });
process.exit(code);
