/** A key's rows: known now, or once its lookups answer. */
type Slot<Row> = Row[] | Pending<Row>;

interface Pending<Row> {
  rows: Row[] | undefined;
  promise: Promise<Row[]>;
}

/**
 * First-in first-out rows per key, where most keys' rows are known at once and some wait for a lookup. Settled
 * heads are taken without awaiting anything (no promise per key); a pending head is awaited only when the caller
 * must (the window is full, or the listing has ended).
 */
export class RowQueue<Row> {
  private slots: Slot<Row>[] = [];
  private head = 0;

  get size(): number {
    return this.slots.length - this.head;
  }

  push(rows: Row[] | Promise<Row[]>): void {
    if (Array.isArray(rows)) {
      this.slots.push(rows);
      return;
    }
    const pending: Pending<Row> = { rows: undefined, promise: rows };
    // Observed here so a failure never goes unhandled while it waits in the queue; rethrown when taken.
    rows.then(
      (settled) => {
        pending.rows = settled;
      },
      () => undefined,
    );
    this.slots.push(pending);
  }

  /** The head's rows if they are known now; undefined when the queue is empty or its head is still looking up. */
  takeSettled(): Row[] | undefined {
    if (this.head >= this.slots.length) return undefined;
    const slot = this.slots[this.head];
    const rows = Array.isArray(slot) ? slot : slot.rows;
    if (rows !== undefined) this.drop();
    return rows;
  }

  /** The head's rows, waiting for its lookups (rejects with their error). */
  async takeOldest(): Promise<Row[]> {
    const slot = this.slots[this.head];
    if (slot === undefined) return [];
    try {
      return Array.isArray(slot) ? slot : (slot.rows ?? (await slot.promise));
    } finally {
      this.drop();
    }
  }

  /** Forgets every queued key (the consumer stopped); their lookups settle unobserved. */
  abandon(): void {
    this.slots = [];
    this.head = 0;
  }

  private drop(): void {
    this.head += 1;
    // Compact now and then instead of shifting on every take.
    if (this.head >= 1024 && this.head * 2 >= this.slots.length) {
      this.slots = this.slots.slice(this.head);
      this.head = 0;
    }
  }
}
