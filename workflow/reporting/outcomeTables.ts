import { destinationLabels } from '../labels';
import type { Destination } from '../model/case';
import { closedHow } from '../process/caseProgress';
import type { FigureTable } from './figureTable';
import type { CaseOutcomes, ClosedHow } from './outcomes';
import { shareTable } from './shareTable';

const destinations: readonly Destination[] = ['mainstream', 'specialist-provision', 'alternative-provision', 'other'];
const hows = Object.keys(closedHow) as ClosedHow[];

const sentence = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function outcomeTables(o: CaseOutcomes): FigureTable[] {
  const base = { whole: o.closed, wholeWords: 'closed cases', totalled: true } as const;
  return [
    shareTable({
      ...base,
      id: 'destinations',
      title: 'Where pupils went when their case ended',
      description: 'Cases closed in the period, by the destination recorded when the case closed (or at the review that ended support).',
      category: 'Destination',
      rows: [
        ...destinations.map((d) => ({ label: destinationLabels[d], count: o.byDestination[d] ?? 0 })),
        { label: 'Closed early, no destination', count: o.closedEarlyNoDestination },
        ...(o.destinationNotRecorded > 0 ? [{ label: 'Not recorded', count: o.destinationNotRecorded }] : []),
      ],
      chart: 'doughnut',
    }),
    shareTable({
      ...base,
      id: 'case-endings',
      title: 'How cases ended',
      description: 'Cases closed in the period: ended at a review, or closed early and why.',
      category: 'How the case ended',
      rows: hows.map((h) => ({ label: sentence(closedHow[h]), count: o.byHow[h] ?? 0 })),
      chart: 'horizontal-bar',
    }),
  ];
}
