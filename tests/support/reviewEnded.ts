import { recordReview, type ReviewRecorded, type Staff } from '../../workflow';
import { key, onTheDay, value, type World } from './world';

/** Runs `run` with the folder service down (every upload fails), then brings it back. */
export async function withFolderUploadDown<T>(world: Pick<World, 'deps'>, run: () => Promise<T>): Promise<T> {
  const folders = world.deps.folders;
  const [upload, uploadOnce] = [folders.upload.bind(folders), folders.uploadOnce.bind(folders)];
  folders.upload = () => Promise.reject(new Error('folder service unavailable'));
  folders.uploadOnce = () => Promise.reject(new Error('folder service unavailable'));
  try {
    return await run();
  } finally {
    folders.upload = upload;
    folders.uploadOnce = uploadOnce;
  }
}

/**
 * A review on 19 Nov 2026 that ended the support, with the completing it starts stopped before
 * anything was filed (the folder service down for that one request): the case is open with the
 * review recorded, the state that completeCase ("Complete and close the case") carries on from.
 */
export async function endReviewLeavingCaseOpen(world: Pick<World, 'deps' | 'memory'>, actor: Staff, caseId: string): Promise<ReviewRecorded> {
  const input = { caseId, requestKey: key('review'), heldOn: '2026-11-19', outcome: 'end', summary: 'Done', destination: 'mainstream' };
  const reviewed = value(await withFolderUploadDown(world, () => onTheDay(world, '2026-11-19', () => recordReview(world.deps, actor, input))));
  if (reviewed.completed?.ok !== false) throw new Error('completing the case was meant to stop at the folder');
  return reviewed;
}
