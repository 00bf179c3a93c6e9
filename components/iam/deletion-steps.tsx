import { Alert } from '@/components/ui/alert';

/** What a delete did, step by step (IAM makes us detach and remove dependencies first). */
export function DeletionSteps({ title, steps }: { title: string; steps: readonly string[] }) {
  return (
    <Alert tone="success" title={title}>
      <ol className="list-decimal pl-5">
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </Alert>
  );
}
