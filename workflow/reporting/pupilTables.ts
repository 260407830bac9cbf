import type { FigureTable } from './figureTable';
import type { Names } from './names';
import type { PupilBreakdown } from './pupils';
import { shareTable } from './shareTable';

const counted = 'Each pupil with a case open at any time in the period, counted once however many cases they had.';

/** The seed's breakdown as tables: gender, phase, key stage, needs, and school. */
export function pupilTables(b: PupilBreakdown, names: Names): FigureTable[] {
  const base = { whole: b.pupils, wholeWords: 'pupils' };
  return [
    shareTable({
      ...base,
      id: 'pupils-gender',
      title: 'Pupils supported: girls and boys',
      description: counted,
      category: 'Gender',
      rows: [
        { label: 'Girls', count: b.girls },
        { label: 'Boys', count: b.boys },
        ...(b.otherGender > 0 ? [{ label: 'Other or not stated', count: b.otherGender }] : []),
      ],
      chart: 'doughnut',
      totalled: true,
    }),
    shareTable({
      ...base,
      id: 'pupils-phase',
      title: 'Pupils supported: primary and secondary',
      description: `${counted} Primary is Reception to Year 6, secondary Year 7 and up, by the year group when referred.`,
      category: 'Phase',
      rows: [
        { label: 'Primary', count: b.primary },
        { label: 'Secondary', count: b.secondary },
      ],
      chart: 'doughnut',
      totalled: true,
    }),
    shareTable({
      ...base,
      id: 'pupils-key-stage',
      title: 'Pupils supported by key stage',
      description: `${counted} Key stage of the year group when referred (Reception is early years).`,
      category: 'Key stage',
      rows: [
        { label: 'Early years (Reception)', count: b.keyStage['early-years'] },
        { label: 'Key stage 1 (Years 1-2)', count: b.keyStage.ks1 },
        { label: 'Key stage 2 (Years 3-6)', count: b.keyStage.ks2 },
        { label: 'Key stage 3 (Years 7-9)', count: b.keyStage.ks3 },
        { label: 'Key stage 4 (Years 10-11)', count: b.keyStage.ks4 },
        { label: 'Key stage 5 (Years 12-13)', count: b.keyStage.ks5 },
      ],
      chart: 'bar',
      totalled: true,
    }),
    shareTable({
      ...base,
      id: 'pupils-needs',
      title: 'Pupils supported: SEND, Pupil Premium, free school meals, looked after',
      description: `${counted} A pupil can be in several rows; each percentage is of all pupils supported, from the child's record.`,
      category: 'Group',
      rows: [
        { label: 'SEND (EHC plan or SEN support)', count: b.send },
        { label: 'EHC plan', count: b.ehcPlan },
        { label: 'SEN support', count: b.senSupport },
        { label: 'Pupil Premium', count: b.pupilPremium },
        { label: 'Free school meals', count: b.freeSchoolMeals },
        { label: 'Looked-after children', count: b.lookedAfter },
      ],
      chart: 'horizontal-bar',
    }),
    shareTable({
      ...base,
      id: 'pupils-by-school',
      title: 'Pupils supported by school',
      description: `${counted} Each pupil is counted at the school of their first case in the period.`,
      category: 'School',
      rows: [...b.bySchool.entries()].map(([id, count]) => ({ label: names.school(id), count })).sort((x, y) => x.label.localeCompare(y.label)),
      chart: 'horizontal-bar',
      totalled: true,
    }),
  ];
}
