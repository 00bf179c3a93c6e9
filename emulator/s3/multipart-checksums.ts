import type { IncomingHttpHeaders } from 'node:http';
import { CHECKSUM_ALGORITHMS, checksumBase64, checksumHeaderName, type ChecksumAlgorithm } from '../http/checksums';
import type { MultipartUpload, UploadedPart } from '../store/multipart';
import type { ObjectChecksum } from '../store/types';
import { S3Error } from './errors';

/**
 * Checksums of multipart uploads created with x-amz-checksum-algorithm: every part carries a checksum of that
 * algorithm, and the object's checksum is the composite one, base64(hash(digest 1 ‖ … ‖ digest N))-N.
 */

/** The algorithms S3 combines into a composite checksum (CRC64NVME objects only have full-object checksums). */
const COMPOSITE_ALGORITHMS: readonly ChecksumAlgorithm[] = ['CRC32', 'CRC32C', 'SHA1', 'SHA256'];

/** The algorithm of the checksum a request sends (as a header or announced as a trailer), if any. */
function sentChecksumAlgorithm(headers: IncomingHttpHeaders): ChecksumAlgorithm | undefined {
  const trailer = typeof headers['x-amz-trailer'] === 'string' ? headers['x-amz-trailer'].trim().toLowerCase() : '';
  return CHECKSUM_ALGORITHMS.find((alg) => headers[checksumHeaderName(alg)] !== undefined || trailer === checksumHeaderName(alg));
}

/** UploadPart: a part's checksum must use the upload's algorithm (checked before the body is read). */
export function checkPartChecksumAlgorithm(upload: MultipartUpload, headers: IncomingHttpHeaders): void {
  const expected = upload.checksumAlgorithm;
  const sent = sentChecksumAlgorithm(headers);
  if (!expected || !sent || sent === expected) return;
  throw new S3Error('InvalidRequest', {
    message: `Checksum Type mismatch occurred, expected checksum Type: ${expected.toLowerCase()}, actual checksum Type: ${sent.toLowerCase()}`,
  });
}

/** CompleteMultipartUpload: the part checksums the request lists must be those stored with the parts. */
export function checkListedPartChecksum(upload: MultipartUpload, part: UploadedPart, listed: string | undefined, etag: string): void {
  if (listed === undefined || !upload.checksumAlgorithm) return;
  if (listed !== part.checksumValue) {
    throw new S3Error('InvalidPart', {
      extra: { UploadId: upload.uploadId, PartNumber: String(part.partNumber), ETag: etag },
    });
  }
}

/**
 * The object's composite checksum, or null when the upload named no (composable) algorithm.
 * NOTE: S3 gives uploads without an algorithm, or with CRC64NVME, a full-object checksum; we give them none.
 */
export function compositeChecksum(upload: MultipartUpload, parts: readonly UploadedPart[]): ObjectChecksum | null {
  const algorithm = COMPOSITE_ALGORITHMS.find((alg) => alg === upload.checksumAlgorithm);
  if (!algorithm) return null;
  const digests = parts.map((part) => {
    if (!part.checksumValue) {
      throw new S3Error('InvalidRequest', {
        message: `The upload was created using a ${algorithm.toLowerCase()} checksum. The complete request must include the checksum for each part. It was missing for part ${part.partNumber} in the request.`,
      });
    }
    return Buffer.from(part.checksumValue, 'base64');
  });
  return { algorithm, value: `${checksumBase64(algorithm, Buffer.concat(digests))}-${parts.length}`, type: 'COMPOSITE' };
}
