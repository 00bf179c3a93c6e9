import { Alert } from '@/components/ui/alert';

/** Shown instead of every page while the console's environment variables are invalid. */
export function ConfigurationError({ problems }: { problems: readonly string[] }) {
  return (
    <Alert tone="error" title="The console's configuration is not valid">
      <ul className="list-disc pl-5">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <p>Fix these environment variables and restart the console (see docs/architecture.md for each variable).</p>
    </Alert>
  );
}
