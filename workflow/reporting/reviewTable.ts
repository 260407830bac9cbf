import type { FigureTable } from './figureTable';
import { percentOf } from './numbers';
import { REVIEW_GRACE_DAYS, type ReviewTally } from './reviews';
import { nothingToCount } from './shareTable';

/** Held on time, late or missed, as a share of the reviews whose date (and grace) has come. */
export const reviewsDecided = (t: ReviewTally): number => t.onTime + t.late + t.missed;

export function reviewTable(t: ReviewTally): FigureTable {
  const decided = reviewsDecided(t);
  return {
    id: 'reviews-on-time',
    title: 'Reviews held on time',
    description:
      `Reviews agreed in approved contracts with the review date in the period: on time when held by the review date or up to ${REVIEW_GRACE_DAYS} days after; missed when that has passed with none held. ` +
      `Percentages are of the reviews held or missed. ${t.held} review${t.held === 1 ? ' was' : 's were'} recorded in the period.${t.due === 0 ? nothingToCount('reviews due') : ''}`,
    columns: [
      { key: 'status', label: 'Review', kind: 'text' },
      { key: 'count', label: 'Reviews', kind: 'count' },
      { key: 'percent', label: '% of reviews held or missed', kind: 'percent' },
    ],
    rows: [
      { status: 'Held on time', count: t.onTime, percent: percentOf(t.onTime, decided) },
      { status: 'Held late', count: t.late, percent: percentOf(t.late, decided) },
      { status: 'Missed', count: t.missed, percent: percentOf(t.missed, decided) },
      { status: 'Not yet due', count: t.notYetDue, percent: null },
      { status: 'Case closed before the review', count: t.closedFirst, percent: null },
    ],
    total: { status: 'Reviews due', count: t.due, percent: null },
    chart: { kind: 'doughnut', label: 'status', series: ['count'] },
  };
}
