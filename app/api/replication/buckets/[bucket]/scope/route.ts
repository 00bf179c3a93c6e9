import { z } from 'zod';
import { jsonRoute } from '@/lib/aws/route-handler';
import { previewScope } from '@/lib/replication-console/read-views';
import { invalidRequest } from '@/lib/replication-console/request-errors';
import { serverReplicationDeps } from '@/lib/replication-console/server-deps';

type Context = { params: Promise<{ bucket: string }> };

const tagsSchema = z.array(z.object({ key: z.string(), value: z.string() })).max(10);

function parseTags(text: string | null): { key: string; value: string }[] {
  if (!text) return [];
  try {
    const parsed = tagsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the error below
  }
  throw invalidRequest('tags must be a JSON array of at most 10 { key, value } objects.');
}

export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const url = new URL(request.url);
  const prefix = url.searchParams.get('prefix') ?? '';
  if (prefix.length > 1024) throw invalidRequest('The maximum size of a prefix is 1024.');
  return previewScope(serverReplicationDeps(), (await params).bucket, prefix, parseTags(url.searchParams.get('tags')));
});
