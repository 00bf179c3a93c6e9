import { CopyButton } from './copy-button';

/** A command or snippet shown as-is, with a button that copies exactly that text. */
export function CodeBlock({ code, copyLabel }: { code: string; copyLabel: string }) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <pre className="min-w-0 flex-1 overflow-x-auto rounded-lg bg-gray-900 p-3 font-mono text-sm whitespace-pre text-gray-50">
        <code>{code}</code>
      </pre>
      <CopyButton text={code} label={copyLabel} />
    </div>
  );
}
