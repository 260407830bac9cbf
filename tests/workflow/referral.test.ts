import { submitReferral } from '../../workflow';
import { childDetails, referral, seenOutcome } from '../support/caseSteps';
import { buildWorld, errorOf, key, people, value } from '../support/world';

const seen = (result: Awaited<ReturnType<typeof submitReferral>>) => seenOutcome(value(result));

describe('Step 1: a referral makes one case, a reference, a list item and a folder', () => {
  it('the same form submitted twice (double click, Teams retry) makes one case', async () => {
    const world = await buildWorld();
    const admin = await world.staff(people.admin);
    const school = await world.schoolByUrn('100001');
    const form = referral(school.id);
    const [first, second] = await Promise.all([submitReferral(world.deps, admin, form), submitReferral(world.deps, admin, form)]);
    const a = seen(first);
    const b = seen(second);
    expect(a.case.id).toBe(b.case.id);
    expect(await world.deps.stores.cases.find({ schoolId: school.id })).toHaveLength(1);
    expect(await world.deps.stores.children.find({ schoolId: school.id })).toHaveLength(1);
    expect(world.memory.folders.folderPaths()).toHaveLength(2);
  });

  it('a referral for a child with an open case is flagged and linked, not duplicated', async () => {
    const world = await buildWorld();
    const admin = await world.staff(people.admin);
    const school = await world.schoolByUrn('100001');
    const first = seen(await submitReferral(world.deps, admin, referral(school.id)));
    const again = seen(
      await submitReferral(world.deps, admin, referral(school.id, { child: childDetails(school.id, { firstName: ' rowan ', lastName: 'TESTFIELD' }), referralSource: 'inclusion-panel' })),
    );
    expect(again.outcome).toBe('existing-open-case');
    expect(again.case.id).toBe(first.case.id);
    expect(await world.deps.stores.cases.find({ schoolId: school.id })).toHaveLength(1);
    const notes = await world.deps.stores.records.find({ caseId: first.case.id });
    expect(notes.map((r) => r.body)).toEqual([expect.objectContaining({ kind: 'chronology', category: 're-referral' })]);
  });

  it('warns when the school has not bought this year\'s Universal Offer, but still logs the referral', async () => {
    const world = await buildWorld();
    const school = await world.schoolByUrn('100004');
    const opened = value(await submitReferral(world.deps, await world.staff(people.admin), referral(school.id)));
    expect(opened.outcome).toBe('case-opened');
    expect(opened.warnings.map((w) => w.code)).toEqual(['UniversalOfferMissing']);
  });

  it('names the field when the form is incomplete', async () => {
    const world = await buildWorld();
    const school = await world.schoolByUrn('100001');
    const admin = await world.staff(people.admin);
    const noDob = referral(school.id, { child: childDetails(school.id, { dateOfBirth: '2017-02-30' }) });
    expect(errorOf(await submitReferral(world.deps, admin, noDob))).toMatchObject({ code: 'ValidationFailed', field: 'child.dateOfBirth' });
    const unknownSchool = referral('no-such-school');
    expect(errorOf(await submitReferral(world.deps, admin, unknownSchool))).toMatchObject({ code: 'NotFound', field: 'child.schoolId' });
    expect(errorOf(await submitReferral(world.deps, admin, { ...referral(school.id), requestKey: key(), consent: 'maybe' }))).toMatchObject({ field: 'consent' });
  });

  it('a field left out reads as missing, in words, and still names the field', async () => {
    const world = await buildWorld();
    const school = await world.schoolByUrn('100001');
    const admin = await world.staff(people.admin);
    const noDob = referral(school.id, { child: childDetails(school.id, { dateOfBirth: undefined }) });
    expect(errorOf(await submitReferral(world.deps, admin, noDob))).toEqual({ code: 'ValidationFailed', field: 'child.dateOfBirth', message: 'Date of birth is required.' });
    const noReason = { ...referral(school.id), requestKey: key(), reasonForReferral: '   ' };
    expect(errorOf(await submitReferral(world.deps, admin, noReason))).toMatchObject({ field: 'reasonForReferral', message: 'Reason for referral is required.' });
  });

  it('computes the child\'s retention date (date of birth + 31 years) and keeps the name out of the folder reference', async () => {
    const world = await buildWorld();
    const school = await world.schoolByUrn('100001');
    const opened = seen(await submitReferral(world.deps, await world.staff(people.admin), referral(school.id)));
    expect(opened.child.destroyAfter).toBe('2048-03-09');
    expect(opened.child.legalHold).toBe(false);
    expect(opened.case.reference).not.toContain('Testfield');
  });
});

describe('Wrong defaults: year group', () => {
  it('a referral without a year group takes it from the date of birth, by age on 31 August', async () => {
    const world = await buildWorld();
    const admin = await world.staff(people.admin);
    const school = await world.schoolByUrn('100001');
    const bornLate = referral(school.id, { child: childDetails(school.id, { dateOfBirth: '2017-09-01', yearGroup: undefined }) });
    const opened = seen(await submitReferral(world.deps, admin, bornLate));
    expect(opened.child.yearGroup).toBe(4);
    expect(opened.warnings).toEqual([]);
  });

  it('a typed year group that disagrees is accepted with a warning naming both', async () => {
    const world = await buildWorld();
    const admin = await world.staff(people.admin);
    const school = await world.schoolByUrn('100001');
    const typed = referral(school.id, { child: childDetails(school.id, { dateOfBirth: '2017-05-03', yearGroup: 7 }) });
    const opened = seen(await submitReferral(world.deps, admin, typed));
    expect(opened.child.yearGroup).toBe(7);
    expect(opened.warnings).toEqual([
      expect.objectContaining({ field: 'child.yearGroup', message: 'Year 7 was chosen; a child born on Wed 3 May 2017 is in Year 5 this school year.' }),
    ]);
  });

  it('with no year group and a child too young for Reception, the year group is asked for', async () => {
    const world = await buildWorld();
    const admin = await world.staff(people.admin);
    const school = await world.schoolByUrn('100001');
    const young = referral(school.id, { child: childDetails(school.id, { dateOfBirth: '2023-01-10', yearGroup: undefined }) });
    expect(errorOf(await submitReferral(world.deps, admin, young))).toMatchObject({ code: 'ValidationFailed', field: 'child.yearGroup' });
  });
});
