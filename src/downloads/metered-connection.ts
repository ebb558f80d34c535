// Whether the connection costs the listener money, as far as the Network Information API says.
// Most desktop browsers have no such API: then nothing is assumed.

/** Above this size (the feed's claim) a download on a metered connection asks first. */
export const LARGE_DOWNLOAD_BYTES = 50_000_000;

interface NetworkInformation {
  type?: string;
  saveData?: boolean;
  metered?: boolean;
}

/** True when the browser reports a cellular or data-saving connection. */
export function isMeteredConnection(
  connection = (navigator as { connection?: NetworkInformation }).connection,
): boolean {
  return (
    connection?.metered === true || connection?.saveData === true || connection?.type === 'cellular'
  );
}
