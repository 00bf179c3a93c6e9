import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { EMPTY_SHA256_HEX, hmacSha256Hex, sha256Hex, signaturesEqual } from '../auth/sigv4-crypto';
import {
  AwsChunkedError,
  chunkSignatureMismatch,
  incompleteBody,
  malformedEncoding,
  malformedTrailer,
} from './aws-chunked-error';

export { AwsChunkedError } from './aws-chunked-error';

export interface AwsChunkedSigning {
  /** The request's own SigV4 signature (VerifiedRequest.seedSignature). */
  seedSignature: string;
  signingKey: Uint8Array;
  /** ISO 8601 basic (VerifiedRequest.requestDateTime). */
  requestDateTime: string;
  /** `yyyymmdd/region/service/aws4_request` (VerifiedRequest.credentialScope). */
  credentialScope: string;
}

export interface AwsChunkedOptions {
  /** Present for STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]: every chunk (and the trailer) signature is checked. */
  signed?: AwsChunkedSigning;
  /** True for the *-TRAILER variants (trailing headers follow the final chunk). */
  expectTrailer: boolean;
  /** x-amz-decoded-content-length: the decoded body must have exactly this many bytes. */
  decodedContentLength?: number;
  /** Largest chunk accepted (default 5 GiB, S3's single-PUT limit). Chunks are streamed, never buffered. */
  maxChunkSize?: number;
}

export type AwsChunkedDecoder = Transform & { trailers: Promise<Record<string, string>> };

const DEFAULT_MAX_CHUNK_SIZE = 5 * 1024 ** 3;
const MAX_CHUNK_HEADER_LINE = 4096;
const MAX_TRAILER_SECTION = 64 * 1024;
const TRAILER_SIGNATURE = 'x-amz-trailer-signature';

type Phase = 'chunk-header' | 'chunk-data' | 'chunk-end' | 'trailer' | 'done';

/**
 * Streaming decoder for `Content-Encoding: aws-chunked` bodies:
 * `hex-size[;chunk-signature=sig]\r\n data \r\n … 0[;chunk-signature=sig]\r\n [name:value\r\n …] \r\n`.
 *
 * Decoded bytes are pushed as they arrive; with signed chunks, a bad signature fails the stream at the end of its
 * chunk, so consumers must (as for truncation) only commit a body whose stream ended without error.
 * `trailers` resolves with the trailing headers (lower-case names, without x-amz-trailer-signature) once the body
 * ended cleanly, and rejects with the stream's error otherwise.
 */
export function createAwsChunkedDecoder(opts: AwsChunkedOptions): AwsChunkedDecoder {
  return new AwsChunkedTransform(opts) as AwsChunkedDecoder;
}

class AwsChunkedTransform extends Transform {
  readonly trailers: Promise<Record<string, string>>;
  private resolveTrailers!: (trailers: Record<string, string>) => void;
  private rejectTrailers!: (error: Error) => void;
  private settled = false;

  private readonly options: AwsChunkedOptions;
  private readonly maxChunkSize: number;
  private phase: Phase = 'chunk-header';
  private lineParts: Buffer[] = [];
  private lineLength = 0;
  private chunkRemaining = 0;
  private chunkSignature: string | undefined;
  private chunkHash: Hash | undefined;
  private previousSignature: string | undefined;
  private decodedBytes = 0;
  private readonly trailerLines: [string, string][] = [];
  private trailerBytes = 0;
  private skippedBlankBeforeTrailers = false;

  constructor(options: AwsChunkedOptions) {
    super();
    this.options = options;
    this.maxChunkSize = options.maxChunkSize ?? DEFAULT_MAX_CHUNK_SIZE;
    this.previousSignature = options.signed?.seedSignature;
    this.trailers = new Promise((resolve, reject) => {
      this.resolveTrailers = resolve;
      this.rejectTrailers = reject;
    });
    // Consumers that never read the trailers must not see an unhandled rejection.
    this.trailers.catch(() => undefined);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.consume(chunk);
      callback();
    } catch (error) {
      this.fail(error, callback);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.finishAtEndOfInput();
      callback();
    } catch (error) {
      this.fail(error, callback);
    }
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.settled) {
      this.settled = true;
      this.rejectTrailers(error ?? incompleteBody());
    }
    callback(error);
  }

  private fail(error: unknown, callback: TransformCallback): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    if (!this.settled) {
      this.settled = true;
      this.rejectTrailers(failure);
    }
    callback(failure);
  }

  private consume(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.phase === 'chunk-data') {
        offset = this.consumeData(chunk, offset);
        continue;
      }
      const newline = chunk.indexOf(0x0a, offset);
      const end = newline < 0 ? chunk.length : newline + 1;
      this.appendToLine(chunk.subarray(offset, end));
      offset = end;
      if (newline >= 0) this.handleLine(this.takeLine());
    }
  }

  private consumeData(chunk: Buffer, offset: number): number {
    const take = Math.min(this.chunkRemaining, chunk.length - offset);
    const data = chunk.subarray(offset, offset + take);
    this.chunkHash?.update(data);
    this.chunkRemaining -= take;
    this.decodedBytes += take;
    this.push(data);
    if (this.chunkRemaining === 0) this.phase = 'chunk-end';
    return offset + take;
  }

  private appendToLine(part: Buffer): void {
    this.lineLength += part.length;
    const limit = this.phase === 'trailer' ? MAX_TRAILER_SECTION : MAX_CHUNK_HEADER_LINE;
    if (this.lineLength + this.trailerBytes > limit) {
      throw this.phase === 'trailer' ? malformedTrailer() : malformedEncoding('chunk header line too long');
    }
    this.lineParts.push(part);
  }

  /** The completed line without its CRLF. A bare LF is a framing error. */
  private takeLine(): string {
    const line = Buffer.concat(this.lineParts, this.lineLength);
    this.lineParts = [];
    this.lineLength = 0;
    if (line.length < 2 || line[line.length - 2] !== 0x0d) {
      throw this.phase === 'trailer' ? malformedTrailer() : malformedEncoding('lines must end with CRLF');
    }
    if (this.phase === 'trailer') this.trailerBytes += line.length;
    return line.subarray(0, line.length - 2).toString('latin1');
  }

  private handleLine(line: string): void {
    switch (this.phase) {
      case 'chunk-header':
        this.startChunk(line);
        return;
      case 'chunk-end':
        if (line !== '') throw malformedEncoding('chunk data must be followed by CRLF');
        this.endChunk();
        return;
      case 'trailer':
        this.handleTrailerLine(line);
        return;
      case 'done':
        if (line !== '') throw malformedEncoding('data after the end of the chunked body');
        return;
      default:
        throw malformedEncoding('unexpected state');
    }
  }

  private startChunk(line: string): void {
    const [sizeField, ...extensions] = line.split(';');
    const sizeText = sizeField.trim();
    if (!/^[0-9a-fA-F]{1,13}$/.test(sizeText)) throw malformedEncoding(`invalid chunk size "${sizeText.slice(0, 32)}"`);
    const size = parseInt(sizeText, 16);
    if (size > this.maxChunkSize) {
      throw malformedEncoding(`a chunk of ${size} bytes exceeds the maximum of ${this.maxChunkSize}`);
    }
    const declared = this.options.decodedContentLength;
    if (declared !== undefined && this.decodedBytes + size > declared) throw incompleteBody();

    this.chunkSignature = undefined;
    for (const extension of extensions) {
      const [name, value] = extension.split('=', 2).map((part) => part.trim());
      if (name === 'chunk-signature') this.chunkSignature = value;
    }
    if (this.options.signed) {
      if (!this.chunkSignature) throw malformedEncoding('a signed chunk has no chunk-signature');
      this.chunkHash = createHash('sha256');
    }

    if (size === 0) {
      this.verifyChunkSignature(EMPTY_SHA256_HEX);
      this.phase = 'trailer';
      return;
    }
    this.chunkRemaining = size;
    this.phase = 'chunk-data';
  }

  private endChunk(): void {
    if (this.chunkHash) this.verifyChunkSignature(this.chunkHash.digest('hex'));
    this.chunkHash = undefined;
    this.phase = 'chunk-header';
  }

  private verifyChunkSignature(dataSha256Hex: string): void {
    const signing = this.options.signed;
    if (!signing) return;
    const stringToSign = [
      'AWS4-HMAC-SHA256-PAYLOAD',
      signing.requestDateTime,
      signing.credentialScope,
      this.previousSignature ?? '',
      EMPTY_SHA256_HEX,
      dataSha256Hex,
    ].join('\n');
    const provided = this.chunkSignature ?? '';
    if (!signaturesEqual(hmacSha256Hex(signing.signingKey, stringToSign), provided)) {
      throw chunkSignatureMismatch(stringToSign, provided);
    }
    this.previousSignature = provided;
  }

  private handleTrailerLine(line: string): void {
    if (line === '') {
      // AWS's documented example puts a blank line between the final chunk and the trailers; SDKs do not.
      if (this.options.expectTrailer && this.trailerLines.length === 0 && !this.skippedBlankBeforeTrailers) {
        this.skippedBlankBeforeTrailers = true;
        return;
      }
      this.completeBody();
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformedTrailer();
    const name = line.slice(0, colon).trim().toLowerCase();
    if (name === '' || /\s/.test(name)) throw malformedTrailer();
    this.trailerLines.push([name, line.slice(colon + 1).trim()]);
  }

  private finishAtEndOfInput(): void {
    if (this.phase === 'done') {
      if (this.lineLength > 0) throw malformedEncoding('data after the end of the chunked body');
      return;
    }
    // The documented form may end right after the trailers, without the closing blank line.
    const endedAfterTrailers =
      this.phase === 'trailer' &&
      this.lineLength === 0 &&
      this.options.expectTrailer &&
      (this.trailerLines.length > 0 || this.skippedBlankBeforeTrailers);
    if (!endedAfterTrailers) throw incompleteBody();
    this.completeBody();
  }

  private completeBody(): void {
    const declared = this.options.decodedContentLength;
    if (declared !== undefined && this.decodedBytes !== declared) throw incompleteBody();

    const trailers: Record<string, string> = {};
    let trailerSignature: string | undefined;
    const signedTrailerLines: string[] = [];
    for (const [name, value] of this.trailerLines) {
      if (name === TRAILER_SIGNATURE) {
        trailerSignature = value;
        continue;
      }
      trailers[name] = value;
      signedTrailerLines.push(`${name}:${value}\n`);
    }
    if (this.options.signed && this.options.expectTrailer) this.verifyTrailerSignature(signedTrailerLines, trailerSignature);

    this.phase = 'done';
    if (!this.settled) {
      this.settled = true;
      this.resolveTrailers(trailers);
    }
  }

  private verifyTrailerSignature(signedTrailerLines: string[], provided: string | undefined): void {
    const signing = this.options.signed;
    if (!signing) return;
    if (!provided) throw malformedTrailer();
    const stringToSign = [
      'AWS4-HMAC-SHA256-TRAILER',
      signing.requestDateTime,
      signing.credentialScope,
      this.previousSignature ?? '',
      sha256Hex(signedTrailerLines.join('')),
    ].join('\n');
    if (!signaturesEqual(hmacSha256Hex(signing.signingKey, stringToSign), provided)) {
      throw chunkSignatureMismatch(stringToSign, provided);
    }
  }
}

export function isAwsChunkedError(error: unknown): error is AwsChunkedError {
  return error instanceof AwsChunkedError;
}
