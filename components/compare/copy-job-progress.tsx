import { formatSize } from '@/components/objects/format-size';
import type { CopyJobView } from '@/lib/copy-jobs/types';

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.ceil(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const STATE_TEXT: Record<CopyJobView['state'], string> = {
  finding: 'Finding objects to copy…',
  copying: 'Copying…',
  completed: 'Finished',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/** Progress bar (objects), bytes, rate and time left; then the summary with skip and failure reasons. */
export function CopyJobProgress({ job }: { job: CopyJobView }) {
  const { total, done } = job;
  const label = `${done.objects.toLocaleString('en-US')} of ${total.objects.toLocaleString('en-US')} objects`;
  return (
    <div className="space-y-2" data-testid="copy-job">
      <p className="text-sm font-bold">
        {STATE_TEXT[job.state]}{' '}
        <span className="font-normal text-gray-700">
          ({job.method === 'replicate' ? 'Batch Replication: same version ids, REPLICA status' : 'CopyObject: new versions at the destination'})
        </span>
      </p>
      <progress
        className="h-3 w-full overflow-hidden rounded-full accent-sky-600"
        max={Math.max(total.objects, 1)}
        value={total.objects === 0 && job.state === 'completed' ? 1 : done.objects}
        aria-label="Copy progress"
        aria-valuetext={label}
      />
      <p className="text-sm tabular-nums" data-testid="copy-job-counts">
        {label} · {formatSize(done.bytes)} of {formatSize(total.bytes)}
        {job.state === 'copying' && job.rate.objectsPerSecond > 0 ? (
          <>
            {' '}
            · {job.rate.objectsPerSecond.toFixed(1)} objects/s, {formatSize(Math.round(job.rate.bytesPerSecond))}/s
            {job.etaSeconds !== undefined ? ` · about ${formatDuration(job.etaSeconds)} left` : ''}
          </>
        ) : null}
      </p>
      {job.state !== 'finding' && job.state !== 'copying' ? (
        <div className="space-y-1 text-sm" data-testid="copy-job-summary">
          <p>
            <strong>{job.copied}</strong> copied, <strong>{job.skipped}</strong> skipped, <strong>{job.failed}</strong> failed.
          </p>
          {job.error ? <p className="text-red-800">{job.error.message}</p> : null}
          {Object.entries(job.skippedReasons).length > 0 ? (
            <ul className="list-inside list-disc text-gray-800">
              {Object.entries(job.skippedReasons).map(([code, { count, message }]) => (
                <li key={code}>
                  Skipped {count}: <span className="font-bold">{code}</span> — {message}
                </li>
              ))}
            </ul>
          ) : null}
          {job.failures.length > 0 ? (
            <ul className="list-inside list-disc text-red-800">
              {job.failures.map((failure) => (
                <li key={`${failure.key}-${failure.versionId ?? ''}`}>
                  <span className="font-mono">{failure.key}</span>: {failure.code} — {failure.message}
                </li>
              ))}
              {job.failuresTruncated ? <li>… and more</li> : null}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
