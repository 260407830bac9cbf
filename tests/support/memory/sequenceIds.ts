import type { IdSource } from '../../../workflow';

/** Codes in sequence (00001, 00002, ... in base 36), so tests can predict references. */
export class SequenceIds implements IdSource {
  private issued: number;

  constructor(start = 0) {
    this.issued = start;
  }

  randomCode(length: number): string {
    this.issued += 1;
    return this.issued.toString(36).toUpperCase().padStart(length, '0').slice(-length);
  }
}
