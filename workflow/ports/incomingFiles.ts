/**
 * Files people send in: a file a member of staff sent the bot in Teams, fetched from its
 * pre-authenticated download URL (Teams' `file.download.info`). No token is sent with it.
 */
export interface IncomingFiles {
  /** The file's bytes, refused as soon as it is known to be larger than `maxBytes`. */
  download(downloadUrl: string, maxBytes: number): Promise<Downloaded>;
}

export type Downloaded =
  | { ok: true; bytes: Uint8Array; contentType?: string }
  /** `too-large`: over `maxBytes`; `not-allowed`: an address that is not a Teams download (never fetched); `unavailable`: no answer, an error status, or too slow. */
  | { ok: false; reason: 'too-large' | 'not-allowed' | 'unavailable' };
