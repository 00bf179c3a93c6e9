import type { PhaseResult } from './load';
import { ratio } from './stats';
import type { EndpointRun } from './workloads/endpoint';

export interface TargetResult {
  target: string;
  /** The measured value (a ratio, ms, or versions/s). */
  measured: number | undefined;
  /** The bound the measured value is held to. */
  bound: number;
  direction: 'at-least' | 'at-most';
  /** How `measured` reads: a ratio ours / peer, or a plain quantity. */
  unit: 'ratio' | 'ms' | 'per-second' | 'kB';
  met: boolean | undefined;
}

export function checkTarget(
  target: string,
  measured: number | undefined,
  direction: TargetResult['direction'],
  bound: number,
  unit: TargetResult['unit'] = 'ratio',
): TargetResult {
  const met = measured === undefined || !Number.isFinite(measured) ? undefined : direction === 'at-least' ? measured >= bound : measured <= bound;
  return { target, measured, bound, direction, unit, met };
}

/** A phase's rate (MB/s for byte-moving large phases, ops/s otherwise); undefined when the phase failed. */
export function phaseRate(phase: PhaseResult | undefined, unit: 'ops' | 'mb'): number | undefined {
  if (!phase || phase.operations === 0 || phase.errors > 0) return undefined;
  return unit === 'mb' ? phase.megabytesPerSecond : phase.opsPerSecond;
}

function findPhase(runs: EndpointRun[], server: string, phase: string): PhaseResult | undefined {
  return runs.find((run) => run.server === server)?.phases.find((p) => p.phase === phase);
}

const ENDPOINT_TARGETS: { phase: string; peer: string; bound: number; unit: 'ops' | 'mb' }[] = [
  { phase: 'put-small', peer: 'moto', bound: 2, unit: 'ops' },
  { phase: 'put-small', peer: 's3rver', bound: 1.5, unit: 'ops' },
  { phase: 'get-small', peer: 'moto', bound: 3, unit: 'ops' },
  { phase: 'get-small', peer: 's3rver', bound: 1.2, unit: 'ops' },
  { phase: 'head-small', peer: 'moto', bound: 3, unit: 'ops' },
  { phase: 'head-small', peer: 's3rver', bound: 1.2, unit: 'ops' },
  { phase: 'get-small', peer: 'ceiling', bound: 0.8, unit: 'ops' },
  { phase: 'put-large', peer: 'moto', bound: 1, unit: 'mb' },
  { phase: 'put-large', peer: 's3rver', bound: 1, unit: 'mb' },
  { phase: 'get-large', peer: 'moto', bound: 1, unit: 'mb' },
  { phase: 'get-large', peer: 's3rver', bound: 1, unit: 'mb' },
];

/** The endpoint targets of the peers present in this run (ratios ours / peer from the same run). */
export function endpointTargets(runs: EndpointRun[], ours: string): TargetResult[] {
  return ENDPOINT_TARGETS.filter((t) => runs.some((run) => run.server === t.peer)).map((t) =>
    checkTarget(
      `${t.phase} ${t.unit === 'mb' ? 'MB/s' : 'ops/s'} ${ours}/${t.peer}`,
      ratio(phaseRate(findPhase(runs, ours, t.phase), t.unit), phaseRate(findPhase(runs, t.peer, t.phase), t.unit)),
      'at-least',
      t.bound,
    ),
  );
}
