/** The subset of a pino logger the emulator uses (so tests can pass a silent one). */
export interface EmulatorLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: EmulatorLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
