/**
 * IAM returns policy documents URL-encoded (RFC 3986) inside its XML. Decode and pretty-print; a document
 * that is not JSON after decoding is shown as IAM sent it.
 */
export function formatPolicyDocument(encoded: string | undefined): string {
  if (!encoded) return '';
  let decoded = encoded;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    // Not URL-encoded after all (some S3-compatible IAMs send plain JSON with a stray "%").
  }
  try {
    return JSON.stringify(JSON.parse(decoded), null, 2);
  } catch {
    return decoded;
  }
}
