import { z } from 'zod';
import type { SentFile } from '../cards';

/** The attachment Teams puts on a message when someone sends the bot a file in a personal chat. */
export const fileDownloadInfoType = 'application/vnd.microsoft.teams.file.download.info';

const FileDownloadInfo = z.object({
  contentType: z.literal(fileDownloadInfoType),
  name: z.string().trim().min(1).max(255),
  content: z
    .object({
      downloadUrl: z.string().url(),
      uniqueId: z.string().optional(),
      fileType: z.string().optional(),
      /** Not in Teams' documented shape; used when a client gives it. */
      size: z.number().int().nonnegative().optional(),
    })
    .loose(),
});

/** The files a message carries (other attachments, e.g. Teams' HTML copy of the text, are not files). */
export function filesSent(attachments: readonly unknown[] | undefined): SentFile[] {
  return (attachments ?? [])
    .filter((a) => typeof a === 'object' && a !== null && (a as { contentType?: unknown }).contentType === fileDownloadInfoType)
    .map((a): SentFile => {
      const parsed = FileDownloadInfo.safeParse(a);
      if (!parsed.success) {
        const name = (a as { name?: unknown }).name;
        return { ok: false, name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 255) : 'a file' };
      }
      const { name, content } = parsed.data;
      return { ok: true, name, downloadUrl: content.downloadUrl, ...(content.size !== undefined ? { size: content.size } : {}) };
    });
}
