import { describe, expect, it } from 'vitest';
import { formatTable, num, percent, times } from './table';

describe('formatTable', () => {
  it('pads the first column left and the others right', () => {
    expect(formatTable(['server', 'ops/s'], [['ours', '1,234'], ['moto', '56']])).toBe(
      ['server  ops/s', '------  -----', 'ours    1,234', 'moto       56'].join('\n'),
    );
  });
});

describe('cell formats', () => {
  it('scales precision with magnitude and marks missing values', () => {
    expect(num(1234.4)).toBe('1,234');
    expect(num(12.34)).toBe('12.3');
    expect(num(1.234)).toBe('1.23');
    expect(num(undefined)).toBe('—');
    expect(num(Number.NaN)).toBe('—');
    expect(percent(0.456)).toBe('46%');
    expect(times(2.345)).toBe('2.35×');
  });
});
