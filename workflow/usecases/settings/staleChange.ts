import { workflowError, type WorkflowError } from '../../errors';
import { fail } from '../../result';

/** What a change made from an older page is told (HTTP 409). */
export const staleChange = (what: string) =>
  fail<WorkflowError>(workflowError('ConcurrentChange', `${what} was changed by someone else since you opened it: reload to see their change, then make yours again.`, { field: 'etag' }));
