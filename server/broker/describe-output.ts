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

/**
 * The rows of a table Kafka's group tools print (`kafka-share-groups --describe`, `--members`,
 * `--state`), cut at the positions of the header's columns: cells such as `COORDINATOR (ID)` hold
 * spaces. `columns` names the header (its first entry starts the line); a cell of "-" stays "-".
 */
export function parseColumns(output: string, columns: readonly string[]): Record<string, string>[] {
  const lines = output.split('\n');
  const rows: Record<string, string>[] = [];
  let starts: number[] | null = null;
  for (const line of lines) {
    if (line.startsWith(`${columns[0]} `) && columns.every((c) => line.includes(c))) {
      starts = columns.map((c) => line.indexOf(c));
      continue;
    }
    if (!starts || line.trim() === '') continue;
    const row: Record<string, string> = {};
    columns.forEach((column, i) => {
      const end = i + 1 < columns.length ? starts?.[i + 1] : undefined;
      row[column] = line.slice(starts?.[i], end).trim();
    });
    rows.push(row);
  }
  return rows;
}
