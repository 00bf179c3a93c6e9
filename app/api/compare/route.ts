import { jsonRoute } from '@/lib/aws/route-handler';
import type { CompareView } from '@/lib/compare/jobs/view';
import { parseCompareRequest, parseWindow } from '@/lib/compare/params';
import { compareView } from '@/lib/compare/server';

/**
 * GET ?source=&rule= | ?source=&destination= [&mode=versions] [&class=…&q=&offset=&limit=] [&maxAge=ms]
 * → the comparison's state, counters and one window of rows. Starts a comparison when none is fresher than maxAge.
 */
export const GET = jsonRoute(async (request: Request): Promise<CompareView> => {
  const url = new URL(request.url);
  const compare = parseCompareRequest(url);
  const { filter, offset, limit, maxAgeMs } = parseWindow(url);
  return compareView(compare, filter, offset, limit, maxAgeMs);
});
