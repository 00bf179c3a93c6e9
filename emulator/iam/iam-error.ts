/**
 * IAM's (and STS's) errors: a code, a message, the HTTP status and the fault type, rendered as IAM's
 * `<ErrorResponse>`. Thrown by the IAM store and handlers; the IAM dispatcher renders it.
 */
export class IamError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
    this.name = 'IamError';
  }
}

export type IamEntityKind = 'user' | 'group' | 'role';

const ENTITY_TITLE: Record<IamEntityKind, string> = { user: 'User', group: 'Group', role: 'Role' };

export const noSuchEntity = (message: string): IamError => new IamError('NoSuchEntity', message, 404);

export const noSuchNamedEntity = (kind: IamEntityKind, name: string): IamError =>
  noSuchEntity(`The ${kind} with name ${name} cannot be found.`);

export const entityAlreadyExists = (kind: IamEntityKind, name: string): IamError =>
  new IamError('EntityAlreadyExists', `${ENTITY_TITLE[kind]} with name ${name} already exists.`, 409);

export const policyAlreadyExists = (name: string): IamError =>
  new IamError('EntityAlreadyExists', `A policy called ${name} already exists. Duplicate names are not allowed.`, 409);

export const noSuchPolicy = (arn: string): IamError => noSuchEntity(`Policy ${arn} was not found.`);

export const policyNotAttachable = (arn: string): IamError =>
  noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);

export const deleteConflict = (message: string): IamError => new IamError('DeleteConflict', message, 409);

export const limitExceeded = (message: string): IamError => new IamError('LimitExceeded', message, 409);

export const quotaExceeded = (quota: string, limit: number): IamError =>
  limitExceeded(`Cannot exceed quota for ${quota}: ${limit}`);

export const malformedPolicyDocument = (message: string): IamError =>
  new IamError('MalformedPolicyDocument', message, 400);

export const invalidInput = (message: string): IamError => new IamError('InvalidInput', message, 400);

export const validationError = (message: string): IamError => new IamError('ValidationError', message, 400);
