'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changeReplicationRuleAction } from '@/app/buckets/[bucket]/management/actions';
import { unwrap } from '@/lib/actions/client';
import { bucketKeys } from '@/lib/queries/buckets';
import { replicationKeys } from '@/lib/queries/replication';
import type { RuleChange } from '@/lib/replication-console/rule-changes';

/** One rules-table action (delete, enable/disable, priorities, role); refreshes the replication reads on success. */
export function useRuleChange(onDone?: (change: RuleChange) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: RuleChange) => changeReplicationRuleAction(change).then(unwrap),
    onSuccess: async (_data, change) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: replicationKeys.all }),
        queryClient.invalidateQueries({ queryKey: bucketKeys.all }),
      ]);
      onDone?.(change);
    },
  });
}
