'use client';

import { Button, ButtonLink } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { compareHref } from './rule-options';

/** After a rule is added: the rule only replicates new objects, so offer to copy the existing ones. */
export function ReplicateExistingDialog({ bucket, ruleId, onClose }: { bucket: string; ruleId: string; onClose: () => void }) {
  return (
    <Dialog
      open
      onClose={onClose}
      title="Replicate existing objects?"
      footer={
        <>
          <Button onClick={onClose}>No, do not replicate existing objects</Button>
          <ButtonLink variant="primary" href={compareHref(bucket, ruleId)}>
            Yes, replicate existing objects
          </ButtonLink>
        </>
      }
    >
      Rule <strong>{ruleId}</strong> replicates objects written from now on. Objects already in {bucket} are not copied unless you
      start a copy job for them.
    </Dialog>
  );
}
