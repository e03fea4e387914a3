const POPCOUNT = Uint8Array.from({ length: 256 }, (_, b) => {
  let n = 0;
  for (let v = b; v; v >>= 1) n += v & 1;
  return n;
});

/** A growable bitset of non-negative sequence numbers: 1 bit each, so hours of trades stay small. */
export class SeqSet {
  private bits = new Uint8Array(1024);
  private count = 0;
  private maxSeq = -1;

  get size(): number {
    return this.count;
  }

  get max(): number {
    return this.maxSeq;
  }

  has(seq: number): boolean {
    const byte = this.bits[seq >>> 3];
    return byte !== undefined && (byte & (1 << (seq & 7))) !== 0;
  }

  /** Adds seq; returns false when it was already there (a duplicate). */
  add(seq: number): boolean {
    const index = seq >>> 3;
    if (index >= this.bits.length) {
      const grown = new Uint8Array(Math.max(this.bits.length * 2, index + 1));
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (seq & 7);
    const byte = this.bits[index] ?? 0;
    if (byte & mask) return false;
    this.bits[index] = byte | mask;
    this.count++;
    if (seq > this.maxSeq) this.maxSeq = seq;
    return true;
  }

  addRange(from: number, to: number): void {
    for (let seq = from; seq <= to; seq++) this.add(seq);
  }

  /** How many members of `other`, from `fromSeq` on, are not in this set. */
  missingFrom(other: SeqSet, fromSeq = 0): number {
    let missing = 0;
    const theirs = other.bits;
    const firstByte = fromSeq >>> 3;
    for (let i = firstByte; i < theirs.length; i++) {
      // In the first byte, ignore the bits below fromSeq.
      const floor = i === firstByte ? (0xff << (fromSeq & 7)) & 0xff : 0xff;
      const byte = (theirs[i] ?? 0) & floor;
      if (byte !== 0) missing += POPCOUNT[byte & ~(this.bits[i] ?? 0) & 0xff] ?? 0;
    }
    return missing;
  }
}

/** At-least-once audit for one group: what it processed against what the producer had acked. */
export class GroupAudit {
  readonly processed = new SeqSet();
  total = 0;
  duplicates = 0;
  /** The first trade this group saw: a group reading from "latest" owes nothing before it. */
  firstSeq = Number.POSITIVE_INFINITY;

  record(seqs: readonly number[]): void {
    for (const seq of seqs) {
      this.total++;
      if (seq < this.firstSeq) this.firstSeq = seq;
      if (!this.processed.add(seq)) this.duplicates++;
    }
  }

  summary(acked: SeqSet): {
    processed: number;
    unique: number;
    duplicates: number;
    missing: number;
  } {
    return {
      processed: this.total,
      unique: this.processed.size,
      duplicates: this.duplicates,
      missing: this.total === 0 ? 0 : this.processed.missingFrom(acked, this.firstSeq),
    };
  }
}
