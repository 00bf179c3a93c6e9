export { compareBuckets, type Comparison } from './compare';
export { compareKeys } from './key-order';
export { emptySummary } from './summary';
export * from './types';
