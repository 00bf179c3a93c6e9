import { describe, expect, it } from 'vitest';
import { continentOf, DEFAULT_DELAYS_MS, regionPairDelay } from './delays';

describe('regionPairDelay', () => {
  const table = regionPairDelay(undefined);
  it.each([
    ['us-east-1', 'us-east-1', DEFAULT_DELAYS_MS.sameRegion],
    ['us-east-1', 'us-west-2', DEFAULT_DELAYS_MS.sameContinent],
    ['us-east-1', 'ca-central-1', DEFAULT_DELAYS_MS.sameContinent],
    ['eu-west-1', 'eu-central-1', DEFAULT_DELAYS_MS.sameContinent],
    ['eu-west-1', 'us-east-1', DEFAULT_DELAYS_MS.crossContinent],
    ['ap-southeast-2', 'sa-east-1', DEFAULT_DELAYS_MS.crossContinent],
    ['il-central-1', 'me-south-1', DEFAULT_DELAYS_MS.sameContinent],
  ])('%s → %s', (source, destination, expected) => {
    expect(table(source, destination)).toBe(expected);
  });

  it('uses the same-region delay when the destination is unknown (a missing bucket fails fast)', () => {
    expect(table('eu-west-1', undefined)).toBe(DEFAULT_DELAYS_MS.sameRegion);
  });

  it('lets one configured delay override every pair', () => {
    const fixed = regionPairDelay(0);
    expect([fixed('us-east-1', 'ap-south-1'), fixed('us-east-1', 'us-east-1')]).toEqual([0, 0]);
  });

  it('groups regions by continent', () => {
    expect(['us-east-1', 'mx-central-1', 'eu-north-1', 'ap-northeast-1'].map(continentOf)).toEqual([
      'north-america',
      'north-america',
      'europe',
      'asia-pacific',
    ]);
  });
});
