import { formatSize } from '@/components/objects/format-size';
import { COMPARE_CLASSES, type CompareClass, type CompareSummary } from '@/lib/compare/types';
import { CLASS_STYLES } from './class-styles';

/** Counters per class and a stacked bar of their shares; each counter toggles that class's filter. */
export function SummaryBar({
  summary,
  selected,
  onToggle,
}: {
  summary: CompareSummary;
  selected: readonly CompareClass[];
  onToggle: (name: CompareClass) => void;
}) {
  const total = summary.rows;
  return (
    <div className="space-y-3">
      <div className="flex h-4 w-full overflow-hidden rounded-full bg-gray-200" aria-hidden="true" data-testid="compare-stacked-bar">
        {COMPARE_CLASSES.map((name) =>
          summary.counts[name] > 0 ? (
            <div key={name} className={CLASS_STYLES[name].bar} style={{ width: `${(summary.counts[name] / Math.max(total, 1)) * 100}%` }} title={CLASS_STYLES[name].label} />
          ) : null,
        )}
      </div>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6" aria-label="Objects by class">
        {COMPARE_CLASSES.map((name) => {
          const active = selected.includes(name);
          return (
            <li key={name}>
              <button
                type="button"
                aria-pressed={active}
                onClick={() => onToggle(name)}
                data-testid={`count-${name}`}
                className={`w-full rounded-xl border-2 px-3 py-2 text-left ${active ? 'border-action bg-sky-50' : 'border-line bg-white hover:bg-gray-50'}`}
              >
                <span className="flex items-center gap-2 text-xs font-bold text-gray-700">
                  <span className={`inline-block h-2.5 w-2.5 rounded-full ${CLASS_STYLES[name].bar}`} aria-hidden="true" />
                  {CLASS_STYLES[name].label}
                </span>
                <span className="block text-xl font-bold tabular-nums">{summary.counts[name].toLocaleString('en-US')}</span>
                <span className="block text-xs text-gray-600">{formatSize(summary.bytes[name])}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
