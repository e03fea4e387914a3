/** One row of `kafka-consumer-groups --describe`, as Kafka's tool prints it ("-" read as null). */
export interface DescribeRow {
  group: string;
  topic: string;
  partition: number;
  currentOffset: number | null;
  logEndOffset: number | null;
  lag: number | null;
  consumerId: string | null;
}

const COLUMNS = [
  'GROUP',
  'TOPIC',
  'PARTITION',
  'CURRENT-OFFSET',
  'LOG-END-OFFSET',
  'LAG',
  'CONSUMER-ID',
] as const;

const numberOrNull = (text: string | undefined) =>
  text === undefined || text === '-' ? null : Number(text);

/** Parses the partition table(s) of `--describe` output; other lines (notes, blanks) are skipped. */
export function parseDescribe(output: string): DescribeRow[] {
  const rows: DescribeRow[] = [];
  let header: string[] | null = null;
  for (const line of output.split('\n')) {
    const cells = line.trim().split(/\s+/).filter(Boolean);
    if (cells[0] === 'GROUP' && cells.includes('PARTITION')) {
      header = cells;
      continue;
    }
    if (!header || cells.length < COLUMNS.length - 1) continue;
    const at = (column: (typeof COLUMNS)[number]) => cells[header?.indexOf(column) ?? -1];
    const partition = Number(at('PARTITION'));
    if (Number.isNaN(partition)) continue;
    const consumerId = at('CONSUMER-ID');
    rows.push({
      group: at('GROUP') ?? '',
      topic: at('TOPIC') ?? '',
      partition,
      currentOffset: numberOrNull(at('CURRENT-OFFSET')),
      logEndOffset: numberOrNull(at('LOG-END-OFFSET')),
      lag: numberOrNull(at('LAG')),
      consumerId: consumerId === undefined || consumerId === '-' ? null : consumerId,
    });
  }
  return rows;
}
