import type { RequestContext, S3Response } from '../http/types';

/** IAM/STS Query API placeholder: the dispatch table maps an Action to its handler. */

export type IamHandler = (ctx: RequestContext, params: URLSearchParams) => Promise<S3Response>;

const IAM_XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const MAX_FORM_BYTES = 1024 * 1024;

/** Actions implemented so far (the IAM module fills this in). */
export const IAM_ACTIONS: Record<string, IamHandler> = {};

export function iamErrorResponse(
  requestId: string,
  code: string,
  message: string,
  status: number,
  type: 'Sender' | 'Receiver' = 'Sender',
): S3Response {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    status,
    headers: { 'content-type': 'text/xml' },
    body:
      `<ErrorResponse xmlns="${IAM_XMLNS}"><Error><Type>${type}</Type><Code>${escape(code)}</Code>` +
      `<Message>${escape(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}

/** Form parameters from the query string and a form-encoded body (IAM accepts both). */
async function readParams(ctx: RequestContext): Promise<URLSearchParams> {
  const params = new URLSearchParams(ctx.rawQuery);
  if (ctx.method === 'POST') {
    const body = await ctx.readBody(MAX_FORM_BYTES);
    for (const [name, value] of new URLSearchParams(body.toString('utf8'))) params.append(name, value);
  }
  return params;
}

export async function handleIamRequest(ctx: RequestContext): Promise<S3Response> {
  const params = await readParams(ctx);
  const action = params.get('Action');
  if (!action) return iamErrorResponse(ctx.requestId, 'MissingAction', 'Missing Action', 400);
  const handler = IAM_ACTIONS[action];
  if (!handler) {
    return iamErrorResponse(ctx.requestId, 'NotImplemented', `The action ${action} is not implemented yet.`, 501);
  }
  return handler(ctx, params);
}
