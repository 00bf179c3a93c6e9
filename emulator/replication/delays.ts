/**
 * Simulated inter-region replication delay (see README.md for the table). A single configured delay overrides
 * every pair (EMULATOR_REPLICATION_DELAY_MS; 0 in tests).
 */

export const DEFAULT_DELAYS_MS = {
  sameRegion: 100,
  sameContinent: 400,
  crossContinent: 1500,
} as const;

export type DelayTable = { [K in keyof typeof DEFAULT_DELAYS_MS]: number };

const CONTINENT_BY_PREFIX: Record<string, string> = {
  us: 'north-america',
  ca: 'north-america',
  mx: 'north-america',
  sa: 'south-america',
  eu: 'europe',
  il: 'middle-east',
  me: 'middle-east',
  af: 'africa',
  ap: 'asia-pacific',
};

export function continentOf(region: string): string {
  return CONTINENT_BY_PREFIX[region.split('-')[0]] ?? region;
}

export type DelayPolicy = (sourceRegion: string, destinationRegion: string | undefined) => number;

export function regionPairDelay(
  overrideMs: number | undefined,
  table: DelayTable = DEFAULT_DELAYS_MS,
): DelayPolicy {
  return (sourceRegion, destinationRegion) => {
    if (overrideMs !== undefined) return overrideMs;
    if (destinationRegion === undefined || destinationRegion === sourceRegion) return table.sameRegion;
    return continentOf(sourceRegion) === continentOf(destinationRegion) ? table.sameContinent : table.crossContinent;
  };
}
