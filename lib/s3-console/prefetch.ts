import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Server Components seed the browser's query cache with the first read, so a page arrives with its data.
 * A failed read is left to the client query, which shows the error next to the content it concerns.
 */
export async function prefetchInto<T>(queryClient: QueryClient, queryKey: QueryKey, load: () => Promise<T>): Promise<void> {
  try {
    queryClient.setQueryData(queryKey, await load());
  } catch {
    // The browser asks again through the route handler and renders that error.
  }
}
