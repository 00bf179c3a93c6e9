import type { DigestRequest } from './body-digests';

export type DigestThreadRequest =
  | { type: 'start'; job: number; digests: DigestRequest }
  | { type: 'data'; job: number; bytes: Uint8Array }
  | { type: 'end'; job: number }
  | { type: 'discard'; job: number };

export type DigestThreadReply =
  | { job: number; ok: true; md5: Uint8Array; sha256Hex?: string; checksumBase64?: string }
  | { job: number; ok: false; error: string };
