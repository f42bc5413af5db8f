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
