import { describe, expect, it } from 'vitest';
import { Ledger, sameState, type KeyState } from './ledger';

const object = (sha256: string): KeyState => ({ kind: 'object', sha256, size: 1 });

describe('Ledger', () => {
  it('accepts only the last acknowledged state when nothing is in doubt', () => {
    const ledger = new Ledger();
    ledger.record({ key: 'k', kind: 'put', state: object('a'), outcome: 'acknowledged' });
    ledger.record({ key: 'k', kind: 'overwrite', state: object('b'), outcome: 'acknowledged' });
    ledger.record({ key: 'k', kind: 'put', state: object('c'), outcome: 'refused' });
    ledger.record({ key: 'k', kind: 'put', state: object('d'), outcome: 'rejected' });
    expect(ledger.acceptableFinalStates('k')).toEqual([object('b')]);
  });

  it('also accepts the states of operations in doubt after the last acknowledgement', () => {
    const ledger = new Ledger();
    ledger.record({ key: 'k', kind: 'put', state: object('a'), outcome: 'unknown' });
    ledger.record({ key: 'k', kind: 'put', state: object('b'), outcome: 'acknowledged' });
    ledger.record({ key: 'k', kind: 'delete', state: { kind: 'absent' }, outcome: 'unknown' });
    expect(ledger.acceptableFinalStates('k')).toEqual([object('b'), { kind: 'absent' }]);
    expect(ledger.lastAcknowledgedState('k')).toEqual(object('b'));
  });

  it('starts from absent and remembers every body sent', () => {
    const ledger = new Ledger();
    ledger.record({ key: 'k', kind: 'put', state: object('a'), outcome: 'unknown' });
    expect(ledger.acceptableFinalStates('k')).toEqual([{ kind: 'absent' }, object('a')]);
    expect(ledger.sentBodies.get('a')).toBe(1);
    expect(sameState(object('a'), object('a'))).toBe(true);
    expect(sameState(object('a'), { kind: 'absent' })).toBe(false);
  });
});
