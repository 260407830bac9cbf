import { workflowError } from '../../errors';
import { fail, ok, type Result } from '../../result';

/** The largest file the tab files in a case's folder (Graph takes it in an upload session above 4 MB). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const maxUploadWords = '50 MB';
/** SharePoint's limit on a whole path is 400 characters; a file's own name is kept well inside it. */
export const MAX_FILE_NAME_LENGTH = 200;

/** What SharePoint refuses in a name. */
const refusedCharacters = /["*:<>?/\\|]/;
/** Control characters (no file name holds one). */
const hasControl = (name: string): boolean => [...name].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f');
/** Names SharePoint (and Windows, syncing the library) will not hold. */
const reservedNames = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|desktop\.ini|\.lock)(\..*)?$/i;

const refused = (message: string) => fail(workflowError('ValidationFailed', message, { rule: 'File names', field: 'fileName' }));

/**
 * Rule "File names": the name a file is filed under, as it was given (in any script), in its
 * composed form: no folder in it, nothing SharePoint refuses (" * : < > ? / \ |), no dot or space
 * at either end, at most 200 characters.
 */
export function uploadNameRule(given: string): Result<string> {
  const name = given.normalize('NFC');
  if (name.length === 0) return refused('The file needs a name.');
  if (/[/\\]/.test(name)) return refused(`"${name}" names a folder as well as a file: give the file's own name only.`);
  if (refusedCharacters.test(name) || hasControl(name)) return refused(`"${name}" has a character SharePoint does not allow in a file name (" * : < > ? | or a control character): rename the file and upload it again.`);
  if (/^[\s.]|[\s.]$/u.test(name)) return refused(`"${name}" starts or ends with a dot or a space, which SharePoint does not allow: rename the file and upload it again.`);
  if ([...name].length > MAX_FILE_NAME_LENGTH) return refused(`The file's name is longer than ${MAX_FILE_NAME_LENGTH} characters: shorten it and upload it again.`);
  if (reservedNames.test(name) || name.toLowerCase().includes('_vti_') || name.startsWith('~$')) return refused(`"${name}" is a name SharePoint keeps for itself: rename the file and upload it again.`);
  return ok(name);
}

/** Rule "File names": something to file, and no more than the tab files. */
export function uploadSizeRule(name: string, bytes: number): Result<void> {
  if (bytes === 0) return fail(workflowError('ValidationFailed', `"${name}" is empty: there is nothing to file.`, { field: 'file' }));
  if (bytes <= MAX_UPLOAD_BYTES) return ok(undefined);
  return fail(workflowError('FileTooLarge', `"${name}" is larger than ${maxUploadWords}, the most the service files from the tab. Upload a smaller copy (a PDF, or a photo at a lower size).`, { field: 'file' }));
}
