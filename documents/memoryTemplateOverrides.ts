import type { TemplateOverrides } from '../workflow';

/** A Templates library held in memory: local runs without a site, and tests that upload an override. */
export class MemoryTemplateOverrides implements TemplateOverrides {
  private readonly files = new Map<string, Uint8Array>();
  /** How many times the library was read (tests check the cache). */
  reads = 0;

  put(fileName: string, content: Uint8Array): void {
    this.files.set(fileName, content);
  }

  remove(fileName: string): void {
    this.files.delete(fileName);
  }

  async find(fileName: string): Promise<Uint8Array | undefined> {
    this.reads += 1;
    return this.files.get(fileName);
  }
}
