import { z } from 'zod';
import { objectKeyField } from './object-inputs';
import { consoleServiceError } from './service-error';
import type { DeclaredBody } from './upload';

/** Reading the upload routes' requests: every bad input is a 4xx with S3-style code, never a 500. */

export const startUploadRequest = z.object({ key: objectKeyField, contentType: z.string().max(255).optional() });

export const completeUploadRequest = z.object({
  key: objectKeyField,
  uploadId: z.string().min(1),
  parts: z
    .array(z.object({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1) }))
    .min(1)
    .max(10_000),
});

export const partParams = z.object({
  key: objectKeyField,
  uploadId: z.string().min(1, 'uploadId is required.'),
  partNumber: z.coerce.number().int().min(1).max(10_000),
});

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; ');
    throw consoleServiceError('InvalidRequest', message, 400);
  }
  return parsed.data;
}

/** The request's body with its declared Content-Length (an empty file arrives without a body stream). */
export function declaredBody(request: Request): DeclaredBody {
  const header = request.headers.get('content-length');
  const contentLength = header === null || !/^\d+$/.test(header) ? Number.NaN : Number(header);
  return { stream: request.body ?? new Blob([]).stream(), contentLength };
}
