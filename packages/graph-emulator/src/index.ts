/**
 * The embedded Graph's public entry: everything the product and its tests may use. The rest of
 * this package is its own business.
 */
export { startEmulatorProcess, attachToEmulator, type EmbeddedGraph, type EmulatorProcessOptions, type EmulatorUser, type Diary, type SeedEvent, type EmulatorTime } from './process/emulatorProcess';
export { startEmulatorServer, type RunningEmulator } from './runtime/startServer';
export { runtimeInfoSchema, runtimeInfoPath, type EmulatorRuntimeInfo } from './runtime/runtimeInfo';
export { createMetadataChecker } from './checkerFactory';
export { defaultSiteHostname, defaultSitePath } from './defaultSite';
export { silentLogger, type EmulatorLogger } from './http/logger';
export type { EmulatorClock } from './controls/clock';
export { bulkInsertListItems } from './seeding/bulkInsert';
export type { DiaryEvent } from './process/calendarControls';
/** A document as `content?format=pdf` gives it (a PDF of a .docx's or text file's text), and a PDF's text read back: for the memory adapter and tests. */
export { documentPdf } from './documents/documentPdf';
export { pdfText, pdfTextLines } from './documents/pdfText';
export { UNENCODABLE_PLACEHOLDER } from './documents/textPdf';
