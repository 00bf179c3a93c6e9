/** Parsing of the SigV4 authentication inputs (Authorization header, presigned query, dates), without verifying. */
import {
  CREDENTIAL_FORMAT_HINT,
  PRESIGN_REQUIRED_PARAMETERS_MESSAGE,
  headerMalformed,
  queryParametersError,
  signatureV2NotSupported,
  unsupportedAuthorizationType,
} from './auth-error';
import type { QueryParameter } from './sigv4-canonical';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
export const MAX_PRESIGN_EXPIRES_SECONDS = 604800;

export interface CredentialScope {
  accessKeyId: string;
  /** YYYYMMDD */
  date: string;
  region: string;
  service: string;
  /** `date/region/service/aws4_request`, the scope line of the string to sign. */
  scope: string;
}

/** `AKID/yyyymmdd/region/service/aws4_request` → its parts; undefined when it does not have that shape. */
export function parseCredential(value: string): CredentialScope | undefined {
  const parts = value.split('/');
  if (parts.length !== 5) return undefined;
  const [accessKeyId, date, region, service, terminator] = parts;
  if (!accessKeyId || !/^\d{8}$/.test(date) || !region || !service || terminator !== 'aws4_request') return undefined;
  return { accessKeyId, date, region, service, scope: `${date}/${region}/${service}/aws4_request` };
}

export interface SignatureInputs {
  credential: CredentialScope;
  signedHeaders: string[];
  signature: string;
}

function splitSignedHeaders(value: string): string[] {
  return value
    .split(';')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
}

/** Parses `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`; throws S3's error for anything else. */
export function parseAuthorizationHeader(value: string): SignatureInputs {
  const trimmed = value.trim();
  const space = trimmed.search(/\s/);
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  if (algorithm === 'AWS') throw signatureV2NotSupported();
  if (algorithm !== SIGV4_ALGORITHM) throw unsupportedAuthorizationType(value);

  const components = new Map<string, string>();
  for (const piece of trimmed.slice(algorithm.length).split(',')) {
    const component = piece.trim();
    const equals = component.indexOf('=');
    if (equals <= 0) continue;
    const name = component.slice(0, equals).trim();
    if (!components.has(name)) components.set(name, component.slice(equals + 1).trim());
  }
  for (const required of ['Credential', 'SignedHeaders', 'Signature']) {
    if (!components.get(required)) throw headerMalformed(`Authorization header requires '${required}' parameter.`);
  }
  const credential = parseCredential(components.get('Credential') ?? '');
  if (!credential) throw headerMalformed(`the Credential is mal-formed; ${CREDENTIAL_FORMAT_HINT}`);
  const signedHeaders = splitSignedHeaders(components.get('SignedHeaders') ?? '');
  return { credential, signedHeaders, signature: components.get('Signature') ?? '' };
}

export const PRESIGN_PARAMETERS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Signature',
  'X-Amz-Date',
  'X-Amz-SignedHeaders',
  'X-Amz-Expires',
] as const;

export function firstQueryValue(parameters: readonly QueryParameter[], name: string): string | undefined {
  return parameters.find((parameter) => parameter.name === name)?.value;
}

/** Whether the query carries SigV4 presign parameters (any one of them: a partial set is an error, not anonymity). */
export function hasPresignParameters(parameters: readonly QueryParameter[]): boolean {
  return parameters.some((parameter) => (PRESIGN_PARAMETERS as readonly string[]).includes(parameter.name));
}

/** Whether the query carries Signature Version 2 presign parameters. */
export function hasSignatureV2QueryParameters(parameters: readonly QueryParameter[]): boolean {
  const names = new Set(parameters.map((parameter) => parameter.name));
  return names.has('AWSAccessKeyId') && names.has('Signature');
}

export interface PresignInputs extends SignatureInputs {
  requestDateTime: string;
  expiresParameter: string;
  expiresSeconds: number;
  securityToken?: string;
}

export function parsePresignedQuery(parameters: readonly QueryParameter[]): PresignInputs {
  const values = new Map<string, string>();
  for (const name of PRESIGN_PARAMETERS) {
    const value = firstQueryValue(parameters, name);
    if (value === undefined || value === '') throw queryParametersError(PRESIGN_REQUIRED_PARAMETERS_MESSAGE);
    values.set(name, value);
  }
  const get = (name: (typeof PRESIGN_PARAMETERS)[number]): string => values.get(name) ?? '';

  if (get('X-Amz-Algorithm') !== SIGV4_ALGORITHM) {
    throw queryParametersError('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256 and AWS4-ECDSA-P256-SHA256"');
  }
  const credential = parseCredential(get('X-Amz-Credential'));
  if (!credential) {
    throw queryParametersError(
      `Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; ${CREDENTIAL_FORMAT_HINT}`,
    );
  }
  const requestDateTime = get('X-Amz-Date');
  if (!parseIsoBasicDateTime(requestDateTime)) {
    throw queryParametersError(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`);
  }
  const expiresParameter = get('X-Amz-Expires');
  if (!/^-?\d+$/.test(expiresParameter)) throw queryParametersError('X-Amz-Expires should be a number');
  const expiresSeconds = Number(expiresParameter);
  if (expiresSeconds < 0) throw queryParametersError('X-Amz-Expires must be non-negative');
  if (expiresSeconds > MAX_PRESIGN_EXPIRES_SECONDS) {
    throw queryParametersError('X-Amz-Expires must be less than a week (in seconds) that is 604800');
  }
  return {
    credential,
    signedHeaders: splitSignedHeaders(get('X-Amz-SignedHeaders')),
    signature: get('X-Amz-Signature'),
    requestDateTime,
    expiresParameter,
    expiresSeconds,
    securityToken: firstQueryValue(parameters, 'X-Amz-Security-Token'),
  };
}

/** `20130524T000000Z` → Date; undefined unless it is exactly that form and a real calendar time. */
export function parseIsoBasicDateTime(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const roundTrips =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return roundTrips ? date : undefined;
}

/** Date → `20130524T000000Z`. */
export function formatIsoBasicDateTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** The HTTP `Date` header (RFC 7231 / RFC 850 / asctime, whatever Date.parse accepts) → Date. */
export function parseHttpDate(value: string): Date | undefined {
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}
