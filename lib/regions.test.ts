import { describe, expect, it } from 'vitest';
import { COMMERCIAL_REGIONS, isCommercialRegion, isCrossRegion, regionFromLocationConstraint, regionLabel, regionLabelWithCode } from '@/lib/regions';

describe('regions', () => {
  it.each([
    ['us-east-2', 'US East (Ohio)'],
    ['ap-south-1', 'Asia Pacific (Mumbai)'],
    ['sa-east-1', 'South America (São Paulo)'],
    ['ap-southeast-7', 'Asia Pacific (Thailand)'],
    ['mx-central-1', 'Mexico (Central)'],
    ['cn-north-1', 'cn-north-1'],
  ])('regionLabel(%s) = %s', (code, label) => expect(regionLabel(code)).toBe(label));

  it('lists the 34 commercial Regions once each', () => {
    const codes = COMMERCIAL_REGIONS.map((r) => r.code);
    expect(codes).toHaveLength(34);
    expect(new Set(codes).size).toBe(34);
    for (const code of ['us-east-1', 'ap-east-2', 'ap-southeast-6', 'ca-west-1', 'eu-central-2', 'il-central-1', 'me-central-1']) {
      expect(isCommercialRegion(code)).toBe(true);
    }
    expect(isCommercialRegion('us-gov-west-1')).toBe(false);
    expect(regionLabelWithCode('eu-west-1')).toBe('Europe (Ireland) eu-west-1');
  });

  it.each([
    ['us-east-1', 'us-east-1', false],
    ['us-east-1', 'us-west-2', true],
    ['', 'us-east-1', false],
    [undefined, null, false],
    ['EU', 'eu-west-1', false],
    ['EU', 'eu-west-2', true],
  ] as const)('isCrossRegion(%s, %s) = %s', (a, b, expected) => expect(isCrossRegion(a, b)).toBe(expected));

  it('maps location constraints', () => {
    expect(regionFromLocationConstraint(null)).toBe('us-east-1');
    expect(regionFromLocationConstraint('EU')).toBe('eu-west-1');
    expect(regionFromLocationConstraint('ap-south-2')).toBe('ap-south-2');
  });
});
