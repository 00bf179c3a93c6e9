import { CopyButton } from './copy-button';

/**
 * A command or snippet with a button that copies exactly `code`. `shownCode` replaces what is displayed
 * (e.g. with a secret masked) while the copy stays complete.
 */
export function CodeBlock({ code, copyLabel, shownCode }: { code: string; copyLabel: string; shownCode?: string }) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <pre className="min-w-0 flex-1 overflow-x-auto rounded-lg bg-gray-900 p-3 font-mono text-sm whitespace-pre text-gray-50">
        <code>{shownCode ?? code}</code>
      </pre>
      <CopyButton text={code} label={copyLabel} />
    </div>
  );
}
