import { cardVerbs, verbCatalogue, type VerbName } from '../../bot/cards';
import { openVerb } from '../../bot/cards/forms/formNames';
import { buildWorld, people } from '../support/world';
import { invokeCard, startBot } from '../bot/botHarness';
import { cardText } from './cardWorld';

/**
 * Verbs were plain strings: a misspelt verb on a button compiled and only failed when pressed.
 * They are now the `VerbName` union; `npx tsc` checks the two lines marked @ts-expect-error
 * (if a misspelt verb compiled again, the directive itself would be the error).
 */
describe('A misspelt card verb compiled and failed only when pressed (defect guard): verbs are a typed union, read with zod at the edge', () => {
  it('a misspelt verb does not compile', () => {
    // @ts-expect-error 'case.opn' is not a verb of these cards
    const misspelt: VerbName = 'case.opn';
    // @ts-expect-error 'observaton' is not a form name
    const misspeltForm = openVerb('observaton');
    expect([misspelt, misspeltForm]).toEqual(['case.opn', 'observaton.open']);
  });

  it('the catalogue the dispatcher checks and the verbs with a handler are the same set', () => {
    expect(new Set(verbCatalogue)).toEqual(new Set(cardVerbs));
    expect(cardVerbs).toHaveLength(new Set(cardVerbs).size);
  });

  describe('through POST /api/messages', () => {
    let harness: Awaited<ReturnType<typeof startBot>>;
    beforeEach(async () => {
      harness = await startBot((await buildWorld()).deps);
    });
    afterEach(async () => harness.close());

    it.each(['case.opn', 'observation.submitt', 'toString', '__proto__', 'CASE.OPEN', ' case.open'])('the unknown verb "%s" answers that the button no longer works, and nothing is sent', async (verb) => {
      const answer = await harness.click(people.manager, verb, {});
      expect(answer.status).toBe(200);
      const text = cardText(invokeCard(answer.body));
      expect(text).toContain('That button no longer works');
      expect(text).toContain(`"${verb}" is from an older card. Nothing was recorded`);
      expect(harness.connector.sent).toEqual([]);
    });

    it('a known verb still answers its card', async () => {
      const answer = await harness.click(people.manager, 'cases.mine', {});
      expect(answer.status).toBe(200);
      expect(cardText(invokeCard(answer.body))).not.toContain('That button no longer works');
    });
  });
});
