/** Building blocks of IAM's (and STS's) Query API XML responses. */

export const IAM_XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `<name>value</name>`, or nothing when the value is absent. */
export function element(name: string, value: string | number | boolean | null | undefined): string {
  if (value === undefined || value === null) return '';
  return `<${name}>${xmlEscape(String(value))}</${name}>`;
}

/** `<name><member>…</member>…</name>`, each item already rendered. */
export function memberList(name: string, renderedItems: readonly string[]): string {
  return `<${name}>${renderedItems.map((item) => `<member>${item}</member>`).join('')}</${name}>`;
}

/** IAM dates: ISO 8601 in UTC with seconds, e.g. 2026-11-27T13:51:29Z. */
export function iamDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** IAM returns policy documents URL-encoded (RFC 3986) inside its XML. */
export function encodedDocument(document: string): string {
  return encodeURIComponent(document);
}

export function tagsXml(tags: readonly { Key: string; Value: string }[]): string {
  if (tags.length === 0) return '';
  return memberList('Tags', tags.map((tag) => element('Key', tag.Key) + element('Value', tag.Value)));
}

/** `<XxxResponse><XxxResult>…</XxxResult><ResponseMetadata>…</ResponseMetadata></XxxResponse>`; no Result when undefined. */
export function queryResponse(action: string, result: string | undefined, requestId: string, xmlns: string): string {
  const resultXml = result === undefined ? '' : `<${action}Result>${result}</${action}Result>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${xmlns}">${resultXml}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function errorResponseXml(
  error: { code: string; message: string; type: 'Sender' | 'Receiver' },
  requestId: string,
  xmlns: string,
): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${xmlns}"><Error><Type>${error.type}</Type>` +
    `${element('Code', error.code)}${element('Message', error.message)}</Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
