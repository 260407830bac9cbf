import { UniqueValueTaken } from '../../errors';

const ATTEMPTS = 5;

/**
 * Creates something whose reference is a random code; in the rare case the code is already
 * taken (the list's unique column says so), tries again with a new one.
 */
export async function withFreshReference<T>(create: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (!(error instanceof UniqueValueTaken) || attempt >= ATTEMPTS) throw error;
    }
  }
}
