/** Saves `text` as a file through a temporary link (no server involved). */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  downloadBlob(fileName, new Blob([text], { type: mimeType }));
}

/** How long a download's object URL stays valid, ms: the browser reads a big blob after the click returns. */
const DOWNLOAD_URL_LIFETIME_MS = 60_000;

/** Saves `blob` (a recorded video, a file's bytes) as a file through a temporary link. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS);
}
