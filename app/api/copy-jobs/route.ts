import { jsonRoute } from '@/lib/aws/route-handler';
import { ConsoleRequestError } from '@/lib/compare/s3/request-error';
import { copyJobRegistry } from '@/lib/copy-jobs/server';
import type { CopyJobView } from '@/lib/copy-jobs/types';

/** GET ?source=&rule= → the copy jobs of a rule in this server process, newest first. */
export const GET = jsonRoute(async (request: Request): Promise<{ jobs: CopyJobView[] }> => {
  const url = new URL(request.url);
  const source = url.searchParams.get('source');
  const rule = url.searchParams.get('rule');
  if (!source || !rule) throw new ConsoleRequestError('InvalidArgument', 'Query parameters "source" and "rule" are required.');
  return { jobs: copyJobRegistry().ofRule(source, rule).map((job) => job.view()) };
});
