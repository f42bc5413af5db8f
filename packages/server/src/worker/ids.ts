import { randomBytes } from 'node:crypto';

/** A new random id with a type prefix, such as `job_3kTq…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** A new unguessable link token (192 random bits). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The Message-ID of a job's email: derived from the job id, so a repeat carries the same one. */
export function messageIdOf(jobId: string, publicUrl: string): string {
  let host = 'comptoir.localhost';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // A malformed PUBLIC_URL keeps the fallback host: the id stays stable either way.
  }
  return `<${jobId}@${host}>`;
}
