import { CopyButton } from '@/components/ui/copy-button';

export function CopyableValue({ value, name }: { value: string; name: string }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      <code className="font-mono">{value}</code>
      <CopyButton text={value} label={`Copy ${name}`} />
    </span>
  );
}
