import type { GroupOffset } from '../protocol/snapshot';

/** Field-wise equality: every delta brings new objects, but most rows did not change. */
export function sameOffset(a: GroupOffset, b: GroupOffset): boolean {
  return (
    a.topic === b.topic &&
    a.partition === b.partition &&
    a.logStartOffset === b.logStartOffset &&
    a.committedOffset === b.committedOffset &&
    a.processedOffset === b.processedOffset &&
    a.logEndOffset === b.logEndOffset &&
    a.lag === b.lag &&
    a.memberId === b.memberId &&
    (a.sharedBy ?? []).join('\n') === (b.sharedBy ?? []).join('\n')
  );
}
