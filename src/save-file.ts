// Hands a file the app made (an export, a backup) to the listener, as the browser saves downloads.

/** Offers `blob` as a file named `name`. */
export function saveFile(name: string, blob: Blob): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
