import mammoth from 'mammoth';

/** A .docx read back as a person would read it: its text, paragraph by paragraph. */
export async function documentText(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return value;
}

/** Template tags a filled document must not keep. */
export const leftoverTags = (text: string): string[] => text.match(/\{[^}]*\}?|\}/g) ?? [];
