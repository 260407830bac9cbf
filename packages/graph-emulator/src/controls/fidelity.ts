import { z } from 'zod';

/**
 * How closely the emulator copies SharePoint's and Graph's limits. The defaults are Microsoft's documented
 * values; tests lower them (a 5,000-item list is slow to seed) and a local run can relax one that a
 * product behaviour still depends on.
 */
export const fidelitySettingsSchema = z.strictObject({
  /** SharePoint's list view threshold: a query over a larger list must be served by an index and match no more. */
  listViewThreshold: z.number().int().min(1).default(5000),
  /** Multiple lines of text columns hold at most 63,999 characters (SharePoint's documented limit). */
  multiLineTextMaxLength: z.number().int().min(1).default(63_999),
  /** sendMail: inline attachments above 3 MB need an upload session instead. */
  maxInlineAttachmentBytes: z.number().int().min(1).default(3 * 1024 * 1024),
  /** sendMail: the whole request (message, base64 attachments) stays under 4 MB. */
  maxSendMailRequestBytes: z.number().int().min(1).default(4 * 1024 * 1024),
  /** driveItem simple upload (PUT …/content) takes files of at most 250 MB. */
  maxSimpleUploadBytes: z.number().int().min(1).default(250 * 1024 * 1024),
  /** `$batch`: run and answer requests without dependsOn in a seeded shuffled order (Graph gives no order). */
  shuffleBatch: z.boolean().default(true),
  batchSeed: z.number().int().default(1),
  /**
   * `/users/{unknown}` answers 404 (ErrorInvalidUser) as Graph does: mail and events need a user registered
   * through `POST /_emulator/users` (the app registers its service mailbox and demo staff at start).
   * Off = a mailbox is invented for any id or address (a leniency a tenant does not have).
   */
  unknownUsersNotFound: z.boolean().default(true),
  /** SharePoint resource units per minute for this app; beyond it, 429 with Retry-After. Absent = no budget. */
  resourceUnitsPerMinute: z.number().int().min(1).optional(),
});
export type FidelitySettings = z.infer<typeof fidelitySettingsSchema>;

/** The current fidelity settings, changed through `PUT /_emulator/fidelity`. */
export class Fidelity {
  private settings: FidelitySettings = fidelitySettingsSchema.parse({});

  configure(input: unknown): FidelitySettings {
    this.settings = fidelitySettingsSchema.parse(input);
    return this.current();
  }

  current(): FidelitySettings {
    return { ...this.settings };
  }
}
