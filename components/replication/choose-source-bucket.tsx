'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { bucketsQuery } from '@/lib/queries/buckets';

/** "Create replication rule" opened without a bucket: pick the source first. */
export function ChooseSourceBucket() {
  const buckets = useQuery(bucketsQuery());
  const router = useRouter();
  const [choice, setChoice] = useState('');
  if (buckets.isError) {
    return (
      <Alert tone="error" title="Could not list the buckets">
        {buckets.error.message}
      </Alert>
    );
  }
  return (
    <form
      className="flex max-w-md flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (choice) router.push(`/replication/new?source=${encodeURIComponent(choice)}`);
      }}
    >
      <Select
        label="Source bucket"
        placeholder={buckets.isPending ? 'Loading buckets…' : 'Choose a bucket'}
        options={(buckets.data?.buckets ?? []).map((bucket) => ({ value: bucket.name, label: `${bucket.name} (${bucket.region})` }))}
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
      />
      <div>
        <Button type="submit" variant="primary" disabled={!choice}>
          Continue
        </Button>
      </div>
    </form>
  );
}
