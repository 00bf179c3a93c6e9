/**
 * What the load generator sent and what the endpoint acknowledged, per key. Each key is written by one worker at
 * a time, so its operations are totally ordered and the set of acceptable final states is exact.
 */

export type KeyState = { kind: 'object'; sha256: string; size: number } | { kind: 'absent' };

/**
 * acknowledged: a 2xx answer arrived. unknown: the connection broke after the request may have reached the
 * endpoint (kill -9 in flight): either outcome is acceptable. refused: no connection was made (not applied).
 * rejected: the endpoint answered with an error (not applied).
 */
export type Outcome = 'acknowledged' | 'unknown' | 'refused' | 'rejected';

export interface Operation {
  key: string;
  kind: 'put' | 'overwrite' | 'delete';
  /** The key's state if this operation was applied. */
  state: KeyState;
  outcome: Outcome;
  /** Version id (or delete marker id) from the acknowledgement. */
  versionId?: string;
  /** Error name/code for rejected and unknown outcomes. */
  error?: string;
}

export const sameState = (a: KeyState, b: KeyState): boolean =>
  a.kind === 'absent' ? b.kind === 'absent' : b.kind === 'object' && a.sha256 === b.sha256 && a.size === b.size;

export class Ledger {
  private readonly byKey = new Map<string, Operation[]>();
  /** SHA-256 of every body ever sent, acknowledged or not: any stored version must be one of these. */
  readonly sentBodies = new Map<string, number>();

  record(operation: Operation): void {
    const list = this.byKey.get(operation.key) ?? [];
    list.push(operation);
    this.byKey.set(operation.key, list);
    if (operation.state.kind === 'object') this.sentBodies.set(operation.state.sha256, operation.state.size);
  }

  keys(): string[] {
    return [...this.byKey.keys()];
  }

  /** The state the key is in after its acknowledged operations (what a worker writes against next). */
  lastAcknowledgedState(key: string): KeyState {
    const acknowledged = (this.byKey.get(key) ?? []).filter((op) => op.outcome === 'acknowledged');
    return acknowledged.at(-1)?.state ?? { kind: 'absent' };
  }

  /** The last acknowledged state, or the state of any operation with an unknown outcome that came after it. */
  acceptableFinalStates(key: string): KeyState[] {
    const operations = this.byKey.get(key) ?? [];
    let lastAcknowledged = -1;
    operations.forEach((op, index) => {
      if (op.outcome === 'acknowledged') lastAcknowledged = index;
    });
    const base: KeyState = lastAcknowledged >= 0 ? operations[lastAcknowledged].state : { kind: 'absent' };
    const maybeApplied = operations.slice(lastAcknowledged + 1).filter((op) => op.outcome === 'unknown');
    return [base, ...maybeApplied.map((op) => op.state)];
  }

  acknowledged(): Operation[] {
    return [...this.byKey.values()].flat().filter((op) => op.outcome === 'acknowledged');
  }

  count(filter: (op: Operation) => boolean): number {
    let n = 0;
    for (const list of this.byKey.values()) for (const op of list) if (filter(op)) n += 1;
    return n;
  }
}
