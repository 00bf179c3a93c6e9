'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';

/** A secret shown masked until asked for; copying works either way. */
export function SecretValue({ value, name }: { value: string; name: string }) {
  const [shown, setShown] = useState(false);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <code className="font-mono">{shown ? value : '•'.repeat(Math.min(value.length, 40))}</code>
      <Button variant="link" onClick={() => setShown((s) => !s)} aria-pressed={shown}>
        {shown ? 'Hide' : 'Show'}
        <span className="sr-only"> {name}</span>
      </Button>
      <CopyButton text={value} label={`Copy ${name}`} />
    </span>
  );
}
