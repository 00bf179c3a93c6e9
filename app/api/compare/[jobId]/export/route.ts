import { errorBody } from '@/lib/aws/route-handler';
import { exportStream } from '@/lib/compare/export';
import { parseWindow } from '@/lib/compare/params';
import { ConsoleRequestError } from '@/lib/compare/s3/request-error';
import { compareJob } from '@/lib/compare/server';

type Context = { params: Promise<{ jobId: string }> };

/** Differences = every class but replicated, unless classes are asked for. */
const DIFFERENCES = ['pending', 'failed', 'not-replicated', 'only-in-destination', 'differs'] as const;

/** GET ?format=csv|json[&class=…&q=] → the job's rows, streamed as they are (or were) classified. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { jobId } = await params;
    const url = new URL(request.url);
    const format = url.searchParams.get('format') ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw new ConsoleRequestError('InvalidArgument', 'format must be csv or json.');
    const job = compareJob(jobId);
    if (!job) throw new ConsoleRequestError('NoSuchCompareJob', 'This comparison has expired; compare again.', 404);
    const { filter } = parseWindow(url);
    const classes = filter.classes && filter.classes.length > 0 ? filter.classes : DIFFERENCES;
    const name = `compare-${job.target.sourceBucket}-${job.target.destinationBucket}.${format}`;
    return new Response(exportStream(job.follow({ ...filter, classes }), format), {
      headers: {
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    const { status, body } = errorBody(error);
    return Response.json(body, { status });
  }
}
