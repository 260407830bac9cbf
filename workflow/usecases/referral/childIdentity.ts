import { DateTime } from 'luxon';
import type { Child, ChildDetails } from '../../model/child';
import { nameKey } from '../../model/personName';

type Identifying = Pick<ChildDetails, 'firstName' | 'lastName' | 'dateOfBirth' | 'schoolId'>;

/** Same name (in any script, see nameKey), date of birth and school: how a re-referral of the same child is recognised. */
export function childMatchKey(child: Identifying): string {
  return [nameKey(child.lastName), nameKey(child.firstName), child.dateOfBirth, child.schoolId].join('|');
}

/**
 * The key children were stored under before names kept every script: Latin letters a-z only
 * (every Cyrillic, Greek or CJK name was empty). Only a lookup aid for those children: a match
 * on it counts once the stored names give the same childMatchKey.
 */
export function latinOnlyMatchKey(child: Identifying): string {
  const name = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  return [name(child.lastName), name(child.firstName), child.dateOfBirth, child.schoolId].join('|');
}

/** Retention: SEN-related files are kept to the child's date of birth + 31 years (IRMS toolkit). */
export function destroyAfter(dateOfBirth: string): string {
  return DateTime.fromISO(dateOfBirth).plus({ years: 31 }).toISODate() ?? dateOfBirth;
}

/** The child's folder name from the configured pattern (default: child reference and surname). */
export function childFolderName(child: Pick<Child, 'reference' | 'firstName' | 'lastName'>, pattern: string): string {
  const name = pattern
    .replaceAll('{childReference}', child.reference)
    .replaceAll('{lastName}', child.lastName)
    .replaceAll('{firstName}', child.firstName);
  // SharePoint refuses these characters in folder names.
  return name.replace(/["*:<>?/\\|#%~&{}]/g, '-').replace(/\s+/g, ' ').trim();
}
