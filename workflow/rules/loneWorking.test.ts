import type { CaseRecord } from '../model/records';
import { missedCheckOuts } from './loneWorking';

const visit = (body: Partial<Extract<CaseRecord['body'], { kind: 'lone-working' }>> = {}): CaseRecord => ({
  id: '7',
  caseId: '1',
  step: 10,
  safeguarding: false,
  locked: false,
  createdBy: 'w',
  createdAt: '2026-10-25T00:00:00Z',
  updatedBy: 'w',
  updatedAt: '2026-10-25T00:00:00Z',
  body: { kind: 'lone-working', plannedStart: '2026-10-25T14:00:00Z', plannedEnd: '2026-10-25T15:00:00Z', checkedInAt: '2026-10-25T14:00:00Z', ...body },
});

describe('Rule "Lone working": no check-out within 30 minutes of the planned end', () => {
  it('is not missed at exactly 30 minutes, is missed after', () => {
    expect(missedCheckOuts([visit()], new Date('2026-10-25T15:30:00Z'))).toEqual([]);
    expect(missedCheckOuts([visit()], new Date('2026-10-25T15:31:00Z'))).toEqual([expect.objectContaining({ minutesOverdue: 31 })]);
  });

  it('counts real minutes across the October clock change (25 Oct 2026, 02:00 BST becomes 01:00 GMT)', () => {
    const overnight = visit({ plannedStart: '2026-10-24T23:30:00Z', plannedEnd: '2026-10-25T00:30:00Z' });
    // 01:30 BST planned end; at 01:30 GMT (one real hour later) it is 60 minutes overdue, not 0.
    expect(missedCheckOuts([overnight], new Date('2026-10-25T01:30:00Z'))).toEqual([expect.objectContaining({ minutesOverdue: 60 })]);
  });

  it('leaves out visits checked out or already alerted', () => {
    const late = new Date('2026-10-25T18:00:00Z');
    expect(missedCheckOuts([visit({ checkedOutAt: '2026-10-25T15:10:00Z' })], late)).toEqual([]);
    expect(missedCheckOuts([visit({ managerAlertedAt: '2026-10-25T15:31:00Z' })], late)).toEqual([]);
  });
});
