/**
 * Issue 15, term end: the school's evaluation request carries the service's online form by its
 * link when configured, else the evaluation form (made for the school and term) attached; a
 * template that cannot be used sends nothing, and the job is tried again.
 */
import { DOCX_TYPE, jobHandlers, runDueJobs, TemplateProblem } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, type World } from '../support/world';

const kestrelUrn = '100003';
const tick = (world: World) => runDueJobs(world.deps, world.deps.jobs, jobHandlers, 'instance-a');
const evaluationMail = (world: World) => world.memory.mailer.outbox.filter((m) => m.subject.includes('evaluation request'));

/** Kestrel Lane with a case allocated in the autumn term; the clock at its term's end (Wed 16 Dec, 15:30). */
async function termEnded() {
  const world = await buildWorld('2026-09-14T09:00:00Z');
  const steps = caseSteps(world);
  const opened = await steps.refer(kestrelUrn);
  await steps.allocate(opened.case.id);
  world.memory.clock.set('2026-12-16T15:30:00Z');
  return { world, reference: opened.case.reference, school: await world.schoolByUrn(kestrelUrn) };
}

describe('term-end evaluation requests: the form', () => {
  it('without an online form, the evaluation form for the term is attached (filed nowhere: it is about the school)', async () => {
    const { world, reference, school } = await termEnded();
    const foldersBefore = world.memory.folders.folderPaths().length;
    await tick(world);
    const [mail, ...more] = evaluationMail(world);
    expect(more).toEqual([]);
    expect(mail?.to).toEqual([school.senco.email]);
    expect(mail?.subject).toBe('Outreach Service: evaluation request for the autumn term 2026-27');
    expect(mail?.html).toContain(reference);
    expect(mail?.html).toContain('attached school evaluation form');
    expect(mail?.attachments?.map((a) => ({ name: a.name, contentType: a.contentType }))).toEqual([{ name: expect.stringMatching(/autumn term 2026-27\.docx$/), contentType: DOCX_TYPE }]);
    expect(world.memory.folders.folderPaths()).toHaveLength(foldersBefore);
    await tick(world);
    expect(evaluationMail(world)).toHaveLength(1);
  });

  it('with the online form configured, its link and no attachment', async () => {
    const { world } = await termEnded();
    world.deps.config.evaluationFormUrl = 'https://forms.example.org/r/term-evaluation';
    await tick(world);
    const [mail] = evaluationMail(world);
    expect(mail?.html).toContain('href="https://forms.example.org/r/term-evaluation"');
    expect(mail?.attachments).toBeUndefined();
  });

  it('a template that cannot be used sends nothing; once it is fixed the job sends the request, once', async () => {
    const { world } = await termEnded();
    const documents = world.deps.documents;
    world.deps.documents = { make: (kind) => Promise.reject(new TemplateProblem(kind, 'site', 'the file is not a Word document')) };
    await tick(world);
    expect(evaluationMail(world)).toEqual([]);
    world.deps.documents = documents;
    // The failed job is tried again after its back-off.
    world.memory.clock.set('2026-12-17T15:30:00Z');
    await tick(world);
    await tick(world);
    expect(evaluationMail(world)).toHaveLength(1);
  });
});
