import { jsonRoute } from '@/lib/aws/route-handler';
import { ConsoleRequestError } from '@/lib/compare/s3/request-error';
import { copyJobRegistry } from '@/lib/copy-jobs/server';
import type { CopyJobView } from '@/lib/copy-jobs/types';

type Context = { params: Promise<{ id: string }> };

/** GET → a copy job's progress and, once finished, its summary. */
export const GET = jsonRoute(async (_request: Request, { params }: Context): Promise<CopyJobView> => {
  const { id } = await params;
  const job = copyJobRegistry().get(id);
  if (!job) throw new ConsoleRequestError('NoSuchCopyJob', 'No such copy job (the console server may have restarted).', 404);
  return job.view();
});
