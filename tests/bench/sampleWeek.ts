/**
 * `npx tsx tests/bench/sampleWeek.ts`: a week of meetings the product books from the demo data, on
 * the embedded Graph with the demo staff's diaries seeded as a local run seeds them. Three cases,
 * each allocated to a different worker: the initial school meeting booked from the times the
 * allocation offered, a Teams call with the parents, and (for one) the contract approved, which
 * books the review. Prints each worker's week as Outlook holds it: times, subjects, attendees,
 * links. Not a test: it shows what a person would see on /demo/diary.
 */
import { demoDiaries, demoDiaryMarker } from '../../app/data/demoDiaries';
import { readDemoData } from '../../app/data/demoData';
import { bookMeeting, proposeMeeting, readableDate } from '../../workflow';
import { caseSteps, childDetails } from '../support/caseSteps';
import { key, people, value } from '../support/world';
import { startBenchGraph } from './benchGraph';

const workers = ['manager', 'worker', 'dsl'] as const;
const weekFrom = new Date('2026-09-14T00:00:00Z');
const weekTo = new Date('2026-10-17T00:00:00Z');

async function main(): Promise<void> {
  const bench = await startBenchGraph('sample-week');
  try {
    const { world, embedded } = bench;
    const demo = readDemoData();
    await embedded.seedEvents(demoDiaryMarker, demoDiaries(demo.staff, demo.schools.map((s) => s.name), new Date('2026-09-14T09:00:00Z')));
    const steps = caseSteps(world);
    const names = ['Ashgrove', 'Birchley', 'Coldwell'];
    for (const [i, who] of workers.entries()) {
      const school = await world.schoolByUrn('100001');
      const opened = await steps.refer('100001', { child: childDetails(school.id, { lastName: names[i], parents: [{ name: 'Sam Parent', relationship: 'mother', parentalResponsibility: true, email: `parent${i + 1}@example.org`, preferredContact: 'email' }] }) });
      const caseId = opened.case.id;
      await steps.allocate(caseId, who);
      const notice = world.memory.notifier.sent.filter((n) => n.kind === 'case-allocated' && n.caseId === caseId).at(-1);
      const offered = notice?.offer?.slots[0];
      if (!offered) throw new Error(`no times offered to ${who}`);
      const actor = await world.staff(people[who]);
      value(await bookMeeting(world.deps, actor, { caseId, kind: 'school-meeting', requestKey: key('sample'), start: offered.start, end: offered.end }));
      const call = value(await proposeMeeting(world.deps, actor, { caseId, kind: 'parent-call' }));
      const slot = call.slots[0];
      if (!slot) throw new Error(`no time for the call for ${who}`);
      value(await bookMeeting(world.deps, actor, { caseId, kind: 'parent-call', requestKey: key('sample'), start: slot.start.toISOString(), childId: call.childId }));
      if (who === 'worker') {
        await steps.informationReturned(caseId);
        await steps.observe(caseId);
        await steps.schoolMeeting(caseId);
        await steps.homeVisit(caseId);
        await steps.observe(caseId, '2026-09-30');
        const { contract } = await steps.contract(caseId, { startDate: '2026-10-05', reviewDate: '2026-10-15' });
        await steps.approve(contract.id);
      }
    }
    for (const who of workers) {
      const staff = await world.staff(people[who]);
      const diary = await embedded.diary(staff.email, weekFrom, weekTo);
      const booked = (diary?.value ?? []).filter((e) => /: case OC-/.test(e.subject));
      console.log(`\n### ${staff.displayName} (${staff.email})\n`);
      console.log('| when (London) | subject | where | invited | Teams |');
      console.log('|---|---|---|---|---|');
      for (const e of booked) {
        const at = `${readableDate(e.start.dateTime.slice(0, 10))} ${e.start.dateTime.slice(11, 16)}–${e.end.dateTime.slice(11, 16)}`;
        const invited = e.attendees.map((a) => a.emailAddress.name ?? a.emailAddress.address).join(', ');
        console.log(`| ${at} | ${e.subject} | ${e.location.displayName || '–'} | ${invited} | ${e.onlineMeeting?.joinUrl ? `${e.onlineMeeting.joinUrl.slice(0, 60)}…` : e.isOnlineMeeting ? 'link pending' : 'not online'} |`);
      }
      console.log(`\n(${(diary?.value ?? []).length - booked.length} other events from the demo diary in those weeks)`);
    }
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
