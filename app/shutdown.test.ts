import { EventEmitter } from 'node:events';
import { createLogger } from './logger';
import { installShutdown, type ShutdownStep } from './shutdown';

const quietLogger = createLogger({ logLevel: 'silent' });

const setup = (steps: ShutdownStep[]) => {
  const signals = new EventEmitter();
  const exits: number[] = [];
  let exited: (code: number) => void = () => undefined;
  const exitedOnce = new Promise<number>((resolve) => (exited = resolve));
  installShutdown({
    signals: { on: (signal, listener) => signals.on(signal, listener) },
    logger: quietLogger,
    steps,
    exit: (code) => {
      exits.push(code);
      exited(code);
    },
  });
  return { raise: (signal: NodeJS.Signals) => signals.emit(signal, signal), exits, exitedOnce };
};

describe('shutdown on a signal', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s runs the steps in order and exits 0', async (signal) => {
    const ran: string[] = [];
    const step = (name: string): ShutdownStep => ({ name, run: async () => void ran.push(name) });
    const { raise, exitedOnce } = setup([step('http server'), step('scheduler')]);
    raise(signal);
    await expect(exitedOnce).resolves.toBe(0);
    expect(ran).toEqual(['http server', 'scheduler']);
  });

  it('a failing step still lets later steps run, and the exit code is 1', async () => {
    const ran: string[] = [];
    const { raise, exitedOnce } = setup([
      { name: 'broken', run: () => Promise.reject(new Error('stuck')) },
      { name: 'after', run: async () => void ran.push('after') },
    ]);
    raise('SIGTERM');
    await expect(exitedOnce).resolves.toBe(1);
    expect(ran).toEqual(['after']);
  });

  it('a second signal while shutting down forces exit 1 at once', () => {
    const { raise, exits } = setup([{ name: 'never finishes', run: () => new Promise<void>(() => undefined) }]);
    raise('SIGTERM');
    expect(exits).toEqual([]);
    raise('SIGINT');
    expect(exits).toEqual([1]);
  });
});
