/** Time comes from here, so tests and local runs can set the date. */
export interface Clock {
  now(): Date;
}
