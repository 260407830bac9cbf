/** Rows of the emulator's database as the handlers use them. */
export interface SiteRecord {
  id: string;
  hostname: string;
  path: string;
  name: string;
  displayName: string;
  created: string;
}

export type ListTemplate = 'genericList' | 'documentLibrary';

export interface ListRecord {
  id: string;
  siteId: string;
  name: string;
  displayName: string;
  description: string;
  template: ListTemplate;
  created: string;
  modified: string;
  etagGuid: string;
  version: number;
  driveId: string | null;
  createdBy: string;
}

export type ColumnType = 'text' | 'number' | 'dateTime' | 'boolean' | 'choice';

export interface ColumnRecord {
  id: string;
  listId: string;
  name: string;
  displayName: string;
  description: string;
  type: ColumnType;
  /** The type facet as Graph shows it, e.g. `{ maxLength: 255 }` for text or `{ choices: [...] }`. */
  facet: Record<string, unknown>;
  indexed: boolean;
  enforceUniqueValues: boolean;
  required: boolean;
  hidden: boolean;
  readOnly: boolean;
  position: number;
}

export type FieldValue = string | number | boolean | null;

export interface ItemRecord {
  listId: string;
  id: number;
  uniqueId: string;
  version: number;
  fields: Record<string, FieldValue>;
  created: string;
  modified: string;
  createdBy: string;
  modifiedBy: string;
}

export interface DriveItemRecord {
  id: string;
  driveId: string;
  parentId: string | null;
  name: string;
  isFolder: boolean;
  mimeType: string | null;
  size: number;
  etagGuid: string;
  version: number;
  created: string;
  modified: string;
}

export interface UserRecord {
  id: string;
  displayName: string;
  mail: string;
}
