/** Saving an export: the file name the server gave (Content-Disposition), then a Blob link clicked. */

/** `attachment; filename="figures.xlsx"; filename*=UTF-8''figures%202025.xlsx` → the name (the UTF-8 form first). */
export function fileNameFromDisposition(disposition: string | null | undefined, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition);
  if (encoded?.[2]) {
    try {
      return safeName(decodeURIComponent(encoded[2].trim().replace(/^"|"$/g, '')), fallback);
    } catch {
      // a bad escape: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
  const name = plain?.[2] ?? plain?.[1];
  return name ? safeName(name.trim(), fallback) : fallback;
}

/** No folders in a name the browser is told to save. */
const safeName = (name: string, fallback: string): string => name.split(/[\\/]/).pop()?.trim() || fallback;

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
