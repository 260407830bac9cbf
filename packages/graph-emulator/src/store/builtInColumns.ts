import type { NewColumn } from './listsStore';

/** SharePoint's own columns every list starts with (ids are SharePoint's well-known field ids). */
export const builtInColumns = (): NewColumn[] => [
  {
    id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247', name: 'Title', displayName: 'Title', description: '', type: 'text',
    facet: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
    indexed: false, enforceUniqueValues: false, required: false, hidden: false, readOnly: false,
  },
  {
    id: '8c06beca-0777-48f7-91c7-6da68bc07b69', name: 'Created', displayName: 'Created', description: '', type: 'dateTime',
    facet: { displayAs: 'default', format: 'dateTime' }, indexed: false, enforceUniqueValues: false, required: false, hidden: false, readOnly: true,
  },
  {
    id: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', name: 'Modified', displayName: 'Modified', description: '', type: 'dateTime',
    facet: { displayAs: 'default', format: 'dateTime' }, indexed: false, enforceUniqueValues: false, required: false, hidden: false, readOnly: true,
  },
];

/** Field names Graph returns on every item that are not columns one can write. */
export const readOnlyItemFields = new Set([
  'id', 'ContentType', 'Created', 'Modified', 'AuthorLookupId', 'EditorLookupId', '_UIVersionString', 'Attachments',
  'Edit', 'LinkTitleNoMenu', 'LinkTitle', 'ItemChildCount', 'FolderChildCount', '_ComplianceFlags', '_ComplianceTag',
  '_ComplianceTagWrittenTime', '_ComplianceTagUserId', 'AppAuthorLookupId', 'AppEditorLookupId',
]);
