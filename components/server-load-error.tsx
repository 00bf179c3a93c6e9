import { BackendErrorAlert, type ShownError } from '@/components/backend-error-alert';
import { RefreshButton } from '@/components/refresh-button';
import type { BackendInfo } from '@/lib/aws/backend';

/**
 * A read that failed during the server render, with a button that renders the page again. A server component: only
 * the button is client code, the explanations stay out of the page's JavaScript.
 */
export function ServerLoadError({ title, error, backend }: { title: string; error: ShownError; backend: BackendInfo }) {
  return <BackendErrorAlert title={title} error={error} backend={backend} action={<RefreshButton />} />;
}
