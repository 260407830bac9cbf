/** One write of a unit of work: the unit, the write's name, and the writes of the unit that must land first. */
export interface WriteOrder {
  unit: string;
  name: string;
  after: readonly string[];
  /** True once a write named in `after` failed before sending anything (then this one must not be sent). */
  prerequisiteFailed?: () => boolean;
}

/**
 * How the writes of one unit of work travel. On Graph they start together and go as one $batch,
 * `after` becoming `dependsOn`; in memory they run one after another, in the order given.
 */
export interface WriteBatching {
  /** True when writes started together travel together: the unit of work then starts them all at once. */
  readonly together: boolean;
  /** Runs one write; every request it makes carries its order. */
  carry<T>(order: WriteOrder, write: () => Promise<T>): Promise<T>;
  /** Runs one user action: an item it already read or wrote is not read again within it. */
  oneAction<T>(run: () => Promise<T>): Promise<T>;
}

/** Writes one after another, as a store without batches (memory) needs. */
export const oneAtATime: WriteBatching = { together: false, carry: (_order, write) => write(), oneAction: (run) => run() };
