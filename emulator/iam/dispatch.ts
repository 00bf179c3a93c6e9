import { authorizeIamAction } from '../auth/authorize';
import type { Principal, RequestContext, S3Response } from '../http/types';
import { iamStoreOf } from '../store/iam-store';
import { runStsAction } from '../sts/dispatch';
import { IAM_ACTIONS } from './actions';
import { IamError } from './iam-error';
import type { IamCall } from './iam-call';
import { QueryParams } from './query-params';
import { IAM_XMLNS, STS_XMLNS, errorResponseXml, queryResponse } from './xml';

/** IAM and STS Query API: form-encoded `POST /` (or a query string) with `Action=…&Version=…`, XML answers. */

export const IAM_VERSION = '2010-05-08';
const MAX_FORM_BYTES = 1024 * 1024;

function xmlResponse(status: number, body: string): S3Response {
  return { status, headers: { 'content-type': 'text/xml' }, body };
}

/**
 * IAM's rendering of errors raised outside the IAM module (authentication, body reading, unexpected failures):
 * S3's authentication codes become the ones IAM and STS answer with.
 */
export function iamErrorResponse(
  requestId: string,
  code: string,
  message: string,
  status: number,
  type: 'Sender' | 'Receiver' = 'Sender',
): S3Response {
  const error = translateForeignError(code, message, status, type);
  return xmlResponse(error.status, errorResponseXml(error, requestId, IAM_XMLNS));
}

function translateForeignError(
  code: string,
  message: string,
  status: number,
  type: 'Sender' | 'Receiver',
): { code: string; message: string; status: number; type: 'Sender' | 'Receiver' } {
  switch (code) {
    case 'InvalidAccessKeyId':
      return { code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', status: 403, type };
    case 'SignatureDoesNotMatch':
      return {
        code,
        message:
          'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key ' +
          'and signing method. Consult the service documentation for details.',
        status: 403,
        type,
      };
    case 'RequestTimeTooSkewed':
      return { code: 'SignatureDoesNotMatch', message: 'Signature expired: the request time is more than 15 minutes from the server time.', status: 403, type };
    case 'AuthorizationHeaderMalformed':
    case 'AuthorizationQueryParametersError':
      return { code: 'IncompleteSignature', message, status: 400, type };
    case 'AccessDenied':
      // S3's answer to a request without any signature.
      if (message === 'Access Denied') {
        return { code: 'MissingAuthenticationToken', message: 'Request is missing Authentication Token', status: 403, type };
      }
      return { code, message, status, type };
    case 'InternalError':
      return { code: 'ServiceFailure', message: 'Request processing has failed due to some unknown error.', status: 500, type: 'Receiver' };
    default:
      return { code, message, status, type };
  }
}

/** Parameters from the query string and the form-encoded body (IAM accepts both). */
async function readParams(ctx: RequestContext): Promise<URLSearchParams> {
  const params = new URLSearchParams(ctx.rawQuery);
  const body = await ctx.readBody(MAX_FORM_BYTES);
  for (const [name, value] of new URLSearchParams(body.toString('utf8'))) params.append(name, value);
  return params;
}

function runIamAction(ctx: RequestContext, action: string, params: URLSearchParams, principal: Principal): string | undefined {
  const handler = Object.hasOwn(IAM_ACTIONS, action) ? IAM_ACTIONS[action] : undefined;
  if (!handler) throw new IamError('InvalidAction', `Could not find operation ${action} for version ${IAM_VERSION}`, 400);
  let authorized = false;
  const call: IamCall = {
    action,
    params: new QueryParams(params),
    iam: iamStoreOf(ctx.store),
    store: ctx.store,
    principal,
    authorize(resource) {
      authorizeIamAction(ctx.store, principal, { action: `iam:${action}`, resource });
      authorized = true;
    },
  };
  const result = handler(call);
  if (!authorized) throw new Error(`IAM action ${action} finished without authorizing its caller`);
  return result;
}

export async function handleIamRequest(ctx: RequestContext): Promise<S3Response> {
  const xmlns = ctx.route.service === 'sts' ? STS_XMLNS : IAM_XMLNS;
  try {
    const principal = ctx.auth?.principal;
    if (!principal) throw new IamError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
    const params = await readParams(ctx);
    const action = params.get('Action');
    if (!action) throw new IamError('MissingAction', 'Missing Action', 400);
    const result =
      ctx.route.service === 'sts'
        ? runStsAction(action, { store: ctx.store, principal })
        : runIamAction(ctx, action, params, principal);
    return xmlResponse(200, queryResponse(action, result, ctx.requestId, xmlns));
  } catch (error) {
    if (error instanceof IamError) return xmlResponse(error.status, errorResponseXml(error, ctx.requestId, xmlns));
    throw error;
  }
}
