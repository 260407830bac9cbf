import type { RecordBody } from '../../../workflow';
import { howLongAgo, recentRecordFor, recentRecordNotice, type WrittenRecord } from './recentNotice';

const now = new Date('2026-09-21T10:31:40Z');
const observation: RecordBody = { kind: 'observation', observedOn: '2026-09-21', setting: 'Class', focus: 'classroom', outcome: 'Calm', wayForward: 'More', strategiesChecked: [] };
const note: RecordBody = { kind: 'chronology', on: '2026-09-21', category: 'note', note: 'Rang home' };
const written = (body: RecordBody, createdAt: string, createdBy = 'u-1'): WrittenRecord => ({ body, createdAt, createdBy });

describe('a form opened just after the same kind of record was written does not say so', () => {
  it('an observation 40 seconds ago by you: the observation form says so and asks', () => {
    const recent = recentRecordFor('observation', [written(observation, '2026-09-21T10:31:00Z')], now);
    expect(recentRecordNotice('observation', recent, now, 'you')).toBe('An observation was recorded 40 seconds ago by you. Record another?');
  });

  it('names who wrote it when it was someone else, and the latest of several', () => {
    const records = [written(observation, '2026-09-21T10:25:00Z', 'u-1'), written(observation, '2026-09-21T10:28:40Z', 'u-2')];
    const recent = recentRecordFor('observation', records, now);
    expect(recent?.createdBy).toBe('u-2');
    expect(recentRecordNotice('observation', recent, now, 'Rhiannon Whitlock')).toBe('An observation was recorded 3 minutes ago by Rhiannon Whitlock. Record another?');
  });

  it('nothing to say about a record older than 10 minutes, nor about another kind', () => {
    expect(recentRecordFor('observation', [written(observation, '2026-09-21T10:21:39Z')], now)).toBeUndefined();
    expect(recentRecordFor('observation', [written(note, '2026-09-21T10:31:00Z')], now)).toBeUndefined();
    expect(recentRecordFor('chronology', [written(note, '2026-09-21T10:31:00Z')], now)).toBeDefined();
    expect(recentRecordNotice('observation', undefined, now, 'you')).toBeUndefined();
  });

  it('forms that write no repeatable record (allocation, consent) never show it', () => {
    expect(recentRecordFor('allocate', [written(observation, '2026-09-21T10:31:00Z')], now)).toBeUndefined();
  });

  it('how long ago in words: just now, seconds, one minute, minutes', () => {
    expect(howLongAgo('2026-09-21T10:31:38Z', now)).toBe('just now');
    expect(howLongAgo('2026-09-21T10:31:39Z', new Date('2026-09-21T10:31:38Z'))).toBe('just now');
    expect(howLongAgo('2026-09-21T10:31:34Z', now)).toBe('6 seconds ago');
    expect(howLongAgo('2026-09-21T10:31:00Z', now)).toBe('40 seconds ago');
    expect(howLongAgo('2026-09-21T10:30:40Z', now)).toBe('1 minute ago');
    expect(howLongAgo('2026-09-21T10:22:00Z', now)).toBe('9 minutes ago');
  });
});
