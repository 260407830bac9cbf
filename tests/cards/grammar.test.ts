import { buildCardWorld, cardText } from './cardWorld';

/** A case with its contract in force, and the parents-informed form offered for it. */
async function parentsInformedForm(parents?: Array<{ name: string; relationship: string }>) {
  const cw = await buildCardWorld();
  const { caseId, contractId } = await cw.steps.toContractInForce();
  if (parents) {
    const [c] = await cw.world.deps.stores.cases.find({ schoolId: (await cw.world.schoolByUrn('100001')).id });
    const child = await cw.world.deps.stores.children.get(c?.childId ?? '');
    if (!child) throw new Error('the case has no child');
    await cw.world.deps.stores.children.update(child.id, { parents: parents.map((p) => ({ ...p, parentalResponsibility: true, interpreterNeeded: false })) }, child.etag);
  }
  return (await cw.act('worker', 'parents-informed.open', { caseId, contractId })).card;
}

describe('Grammar: singular and plural agree', () => {
  it('one parent "has been told"', async () => {
    const text = cardText(await parentsInformedForm());
    expect(text).toContain('This records that Casey Testfield (mother) has been told of the outcome');
    expect(text).not.toContain('have been told');
  });

  it('two parents "have been told", listed with "and"', async () => {
    const text = cardText(await parentsInformedForm([{ name: 'Casey Testfield', relationship: 'mother' }, { name: 'Robin Testfield', relationship: 'father' }]));
    expect(text).toContain('This records that Casey Testfield (mother) and Robin Testfield (father) have been told of the outcome');
  });
});
