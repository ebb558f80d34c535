// Plain words for the Background Fetch spec's failure reasons, used by page and service worker.

const words: Record<string, string> = {
  aborted: 'The download was cancelled.',
  'bad-status': 'The server answered with an error.',
  'fetch-error': 'The connection failed before the download finished.',
  'quota-exceeded': 'There is not enough storage space for this episode.',
  'download-total-exceeded': 'The file turned out larger than the server said.',
};

/** A sentence a listener understands for a failure reason. */
export function failureWords(reason: string): string {
  return words[reason] ?? 'The download failed.';
}
