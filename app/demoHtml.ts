import { escapeHtml } from './diaryHtml';

/** A small page of the local run's (embedded Graph) tools: title, then the body as given (already escaped by the caller). */
export const demoPage = (title: string, body: string): string =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:60rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}.document{border:1px solid #ddd;padding:1rem 2rem;margin-top:1rem}.muted{color:#666}</style></head>
<body>${body}</body></html>`;

/** A page that only says what is wrong (404, 400). */
export const problemPage = (title: string, text: string): string => demoPage(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`);

/** `attachment` or `inline`, with the name for any browser: an ASCII fallback and the UTF-8 name. */
export const contentDisposition = (kind: 'attachment' | 'inline', fileName: string): string => {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
};

/** 1.2 MB, 340 KB, 12 bytes. */
export const readableSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
