/** Keys already sent by this process (bounded): a repeat of a key within a run is not sent again. */
export class SentKeys {
  private readonly keys = new Set<string>();
  constructor(private readonly limit = 5000) {}

  seen(key: string): boolean {
    if (this.keys.has(key)) return true;
    this.keys.add(key);
    if (this.keys.size > this.limit) this.keys.delete(this.keys.values().next().value as string);
    return false;
  }
}
