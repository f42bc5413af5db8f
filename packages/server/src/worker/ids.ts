import { generateId, generateToken } from '../storage/keys.js';

/**
 * A new id with a type prefix, such as `job_AZrV…`, time-ordered ({@link generateId}): a capture
 * inserts a job per step, and random ids put each in a random page of the jobs' primary-key index.
 */
export const newId = generateId;

/** A new unguessable link token (192 random bits after the time, {@link generateToken}). */
export const newToken = generateToken;

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
