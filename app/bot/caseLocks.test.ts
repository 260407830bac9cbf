import { inMemoryCaseLocks } from './caseLocks';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('case locks: an action on a case waits for the one in flight on that case', () => {
  it('two actions on the same case run one after the other, never interleaved', async () => {
    const locks = inMemoryCaseLocks();
    const steps: string[] = [];
    const action = (name: string) => async () => {
      steps.push(`${name} start`);
      await pause(20);
      steps.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([locks.withCase('1', action('a')), locks.withCase('1', action('b'))]);
    expect(results).toEqual(['a', 'b']);
    expect(steps).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('an action on another case is not blocked', async () => {
    const locks = inMemoryCaseLocks();
    const steps: string[] = [];
    const slow = locks.withCase('1', async () => {
      await pause(50);
      steps.push('case 1 done');
    });
    const other = locks.withCase('2', async () => {
      steps.push('case 2 done');
    });
    await Promise.all([slow, other]);
    expect(steps).toEqual(['case 2 done', 'case 1 done']);
  });

  it('an action that throws releases the case for the next one', async () => {
    const locks = inMemoryCaseLocks();
    const failed = locks.withCase('1', () => Promise.reject(new Error('boom')));
    const next = locks.withCase('1', () => Promise.resolve('ran'));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});
