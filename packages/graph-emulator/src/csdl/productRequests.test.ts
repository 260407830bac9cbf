import { bundledCsdlPath } from './csdlPath';
import { loadGraphMetadata } from './loadGraphMetadata';
import type { GraphMetadataChecker, GraphRequestToCheck, ResolvedTarget } from './types';

let checker: GraphMetadataChecker;
beforeAll(() => {
  checker = loadGraphMetadata(bundledCsdlPath());
});

const site = '/sites/contoso.sharepoint.com,6c4d3b1a-0000-4000-8000-000000000001,6c4d3b1a-0000-4000-8000-000000000002';
const list = `${site}/lists/0f5e9c2a-1111-4000-8000-000000000003`;
const drive = '/drives/b!AbCdEf0123456789';
const user = '/users/caseworker@example.test';

type Row = [description: string, request: GraphRequestToCheck, target: ResolvedTarget];

/** Requests the product's adapters and the emulator tests send, as real Graph v1.0 accepts them. */
const productRequests: Row[] = [
  ['site by path with trailing colon', { method: 'GET', path: '/sites/contoso.sharepoint.com:/sites/outreach:' }, { type: 'microsoft.graph.site', kind: 'pathAddress' }],
  ['site by path without trailing colon', { method: 'GET', path: '/sites/contoso.sharepoint.com:/sites/outreach' }, { type: 'microsoft.graph.site', kind: 'pathAddress' }],
  ['site by path then its lists', { method: 'GET', path: '/sites/contoso.sharepoint.com:/sites/outreach:/lists' }, { type: 'Collection(microsoft.graph.list)', kind: 'navigation' }],
  ['root site', { method: 'GET', path: '/sites/root' }, { type: 'microsoft.graph.site', kind: 'key' }],
  ['site by id', { method: 'GET', path: site }, { type: 'microsoft.graph.site', kind: 'key' }],
  ['lists of a site', { method: 'GET', path: `${site}/lists` }, { type: 'Collection(microsoft.graph.list)', kind: 'navigation' }],
  ['list create with columns', {
    method: 'POST', path: `${site}/lists`,
    body: {
      displayName: 'Cases', description: 'Casework', list: { template: 'genericList' },
      columns: [
        { name: 'CaseKey', text: {}, indexed: true, enforceUniqueValues: true },
        { name: 'Notes', text: { allowMultipleLines: true } },
        { name: 'Score', number: {} },
        { name: 'Opened', dateTime: {}, indexed: true },
        { name: 'Urgent', boolean: {} },
        { name: 'Status', choice: { choices: ['Open', 'Closed'] }, indexed: true },
      ],
    },
  }, { type: 'Collection(microsoft.graph.list)', kind: 'navigation' }],
  ['document library create', { method: 'POST', path: `${site}/lists`, body: { displayName: 'Case Files', list: { template: 'documentLibrary' } } }, { type: 'Collection(microsoft.graph.list)', kind: 'navigation' }],
  ['list by id', { method: 'GET', path: list }, { type: 'microsoft.graph.list', kind: 'key' }],
  ['list by display name', { method: 'GET', path: `${site}/lists/Case Files` }, { type: 'microsoft.graph.list', kind: 'key' }],
  ['columns of a list', { method: 'GET', path: `${list}/columns` }, { type: 'Collection(microsoft.graph.columnDefinition)', kind: 'navigation' }],
  ['column create', { method: 'POST', path: `${list}/columns`, body: { name: 'Worker', text: {}, indexed: true } }, { type: 'Collection(microsoft.graph.columnDefinition)', kind: 'navigation' }],
  ['column made indexed', { method: 'PATCH', path: `${list}/columns/8d0b6f1e`, body: { indexed: true } }, { type: 'microsoft.graph.columnDefinition', kind: 'key' }],
  ['list items', { method: 'GET', path: `${list}/items` }, { type: 'Collection(microsoft.graph.listItem)', kind: 'navigation' }],
  ['list item create', { method: 'POST', path: `${list}/items`, body: { fields: { Title: 'C-0001', CaseKey: 'C-0001', Payload: '{}' } } }, { type: 'Collection(microsoft.graph.listItem)', kind: 'navigation' }],
  ['list item by id', { method: 'GET', path: `${list}/items/17` }, { type: 'microsoft.graph.listItem', kind: 'key' }],
  ['list item fields', { method: 'GET', path: `${list}/items/17/fields` }, { type: 'microsoft.graph.fieldValueSet', kind: 'navigation' }],
  ['list item fields update (open type)', { method: 'PATCH', path: `${list}/items/17/fields`, body: { Status: 'Closed', Score: 3, 'Status@odata.type': 'Edm.String' } }, { type: 'microsoft.graph.fieldValueSet', kind: 'navigation' }],
  ['list item delete', { method: 'DELETE', path: `${list}/items/17` }, { type: 'microsoft.graph.listItem', kind: 'key' }],
  ['drive of a library', { method: 'GET', path: `${list}/drive` }, { type: 'microsoft.graph.drive', kind: 'navigation' }],
  ['drive of a site', { method: 'GET', path: `${site}/drive` }, { type: 'microsoft.graph.drive', kind: 'navigation' }],
  ['drives of a site', { method: 'GET', path: `${site}/drives` }, { type: 'Collection(microsoft.graph.drive)', kind: 'navigation' }],
  ['drive by id', { method: 'GET', path: drive }, { type: 'microsoft.graph.drive', kind: 'key' }],
  ['drive root children', { method: 'GET', path: `${drive}/root/children` }, { type: 'Collection(microsoft.graph.driveItem)', kind: 'navigation' }],
  ['folder create with conflict behaviour', {
    method: 'POST', path: `${drive}/root/children`, body: { name: 'Referrals', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
  }, { type: 'Collection(microsoft.graph.driveItem)', kind: 'navigation' }],
  ['folder by path', { method: 'GET', path: `${drive}/root:/Referrals/C-0001:` }, { type: 'microsoft.graph.driveItem', kind: 'pathAddress' }],
  ['children of a folder by path', { method: 'GET', path: `${drive}/root:/Referrals/C-0001:/children` }, { type: 'Collection(microsoft.graph.driveItem)', kind: 'navigation' }],
  ['children of a folder by id', { method: 'GET', path: `${drive}/items/01ABCDEF/children` }, { type: 'Collection(microsoft.graph.driveItem)', kind: 'navigation' }],
  ['upload by path under a folder', { method: 'PUT', path: `${drive}/items/01ABCDEF:/Consent form.pdf:/content` }, { type: 'Edm.Stream', kind: 'content' }],
  ['upload through the site drive', { method: 'PUT', path: `${site}/drive/root:/Referrals/notes.txt:/content`, body: 'plain text is binary here' }, { type: 'Edm.Stream', kind: 'content' }],
  ['upload session for a large file under a folder', {
    method: 'POST', path: `${drive}/items/01ABCDEF:/Scanned workbook.pdf:/createUploadSession`, body: { item: { '@microsoft.graph.conflictBehavior': 'fail' } },
  }, { type: 'microsoft.graph.uploadSession', kind: 'action' }],
  ['drive item delete', { method: 'DELETE', path: `${drive}/items/01ABCDEF` }, { type: 'microsoft.graph.driveItem', kind: 'key' }],
  ['sendMail with a file attachment', {
    method: 'POST', path: `${user}/sendMail`,
    body: {
      message: {
        subject: 'C-0001: contract for approval',
        body: { contentType: 'HTML', content: '<p>Please review.</p>' },
        toRecipients: [{ emailAddress: { address: 'lead@example.test', name: 'Team lead' } }],
        ccRecipients: [{ emailAddress: { address: 'office@example.test' } }],
        attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'contract.pdf', contentType: 'application/pdf', contentBytes: 'JVBERi0=' }],
      },
      saveToSentItems: true,
    },
  }, { type: 'microsoft.graph.sendMail', kind: 'action' }],
  ['sendMail by qualified name', { method: 'POST', path: `${user}/microsoft.graph.sendMail`, body: { Message: { subject: 'x' }, SaveToSentItems: false } }, { type: 'microsoft.graph.sendMail', kind: 'action' }],
  ['event create with a Teams meeting', {
    method: 'POST', path: `${user}/events`,
    body: {
      subject: 'C-0001 home visit',
      body: { contentType: 'text', content: 'Case C-0001' },
      start: { dateTime: '2026-01-14T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-01-14T11:00:00', timeZone: 'UTC' },
      sensitivity: 'private',
      attendees: [{ emailAddress: { address: 'worker@example.test' }, type: 'required' }],
      location: { displayName: 'Family home' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: '5b1c7e0c-2222-4000-8000-000000000004',
    },
  }, { type: 'Collection(microsoft.graph.event)', kind: 'navigation' }],
  ['event on the calendar', { method: 'POST', path: `${user}/calendar/events`, body: { subject: 'Review' } }, { type: 'Collection(microsoft.graph.event)', kind: 'navigation' }],
  ['event update', { method: 'PATCH', path: `${user}/events/AAMkAGI2=`, body: { start: { dateTime: '2026-01-15T10:00:00', timeZone: 'UTC' } } }, { type: 'microsoft.graph.event', kind: 'key' }],
  ['event delete', { method: 'DELETE', path: `${user}/events/AAMkAGI2=` }, { type: 'microsoft.graph.event', kind: 'key' }],
  ['getSchedule', {
    method: 'POST', path: `${user}/calendar/getSchedule`,
    body: {
      schedules: ['worker@example.test'],
      startTime: { dateTime: '2026-01-14T08:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2026-01-14T18:00:00', timeZone: 'UTC' },
      availabilityViewInterval: 30,
    },
  }, { type: 'Collection(microsoft.graph.scheduleInformation)', kind: 'action' }],
  ['messages', { method: 'GET', path: `${user}/messages` }, { type: 'Collection(microsoft.graph.message)', kind: 'navigation' }],
  ['sent items', { method: 'GET', path: `${user}/mailFolders/sentitems/messages` }, { type: 'Collection(microsoft.graph.message)', kind: 'navigation' }],
  ['a message\'s attachment', { method: 'GET', path: `${user}/messages/AAMkAGI2/attachments/AAMkAGI2AAA=` }, { type: 'microsoft.graph.attachment', kind: 'key' }],
  ['a file\'s content (and as PDF)', { method: 'GET', path: `${drive}/items/01ABCDEF/content` }, { type: 'Edm.Stream', kind: 'content' }],
  ['a file\'s metadata', { method: 'GET', path: `${drive}/items/01ABCDEF` }, { type: 'microsoft.graph.driveItem', kind: 'key' }],
  ['inbox messages', { method: 'GET', path: `${user}/mailFolders/inbox/messages` }, { type: 'Collection(microsoft.graph.message)', kind: 'navigation' }],
  ['a message', { method: 'GET', path: `${user}/messages/AAMkADQ=` }, { type: 'microsoft.graph.message', kind: 'key' }],
  ['calendarView', { method: 'GET', path: `${user}/calendarView` }, { type: 'Collection(microsoft.graph.event)', kind: 'navigation' }],
  ['calendarView on the calendar', { method: 'GET', path: `${user}/calendar/calendarView` }, { type: 'Collection(microsoft.graph.event)', kind: 'navigation' }],
  ['event cancel with a comment', { method: 'POST', path: `${user}/events/AAMkAGI2=/cancel`, body: { comment: 'The school is closed.' } }, { type: 'microsoft.graph.cancel', kind: 'action' }],
  ['event cancel on the calendar', { method: 'POST', path: `${user}/calendar/events/AAMkAGI2=/cancel`, body: { comment: 'x' } }, { type: 'microsoft.graph.cancel', kind: 'action' }],
  ['event create as the product books it (hideAttendees, private, Teams)', {
    method: 'POST', path: `${user}/events`,
    body: {
      subject: 'OC-26-7KQ2M', body: { contentType: 'text', content: 'x' }, sensitivity: 'private', showAs: 'busy', hideAttendees: true,
      start: { dateTime: '2026-03-03T10:00:00.000', timeZone: 'UTC' }, end: { dateTime: '2026-03-03T11:00:00.000', timeZone: 'UTC' },
      attendees: [{ emailAddress: { address: 'senco@example.test', name: 'SENCo' }, type: 'required' }],
      isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', transactionId: 'meeting-1', location: { displayName: 'School' },
    },
  }, { type: 'Collection(microsoft.graph.event)', kind: 'navigation' }],
  ['event update with a body (the trap the product avoids)', { method: 'PATCH', path: `${user}/events/AAMkAGI2=`, body: { body: { contentType: 'text', content: 'x' } } }, { type: 'microsoft.graph.event', kind: 'key' }],
  ['me calendar events', { method: 'GET', path: '/me/calendar/events' }, { type: 'Collection(microsoft.graph.event)', kind: 'navigation' }],
];

describe('requests the product sends resolve against the Graph v1.0 metadata', () => {
  it.each(productRequests)('%s', (_description, request, target) => {
    expect(checker.check(request)).toEqual({ ok: true, target });
  });
});

describe('OData path forms real Graph accepts', () => {
  it.each<Row>([
    ['segments are case-insensitive', { method: 'GET', path: '/Users/x/MailFolders/Inbox/Messages' }, { type: 'Collection(microsoft.graph.message)', kind: 'navigation' }],
    ['a key in parentheses', { method: 'GET', path: "/users('x')/events" }, { type: 'Collection(microsoft.graph.event)', kind: 'navigation' }],
    ['a function bound to a collection', { method: 'GET', path: '/users/delta()' }, { type: 'Collection(microsoft.graph.user)', kind: 'function' }],
    ['a function with a slash in its argument', { method: 'GET', path: "/sites/root/getByPath(path='/sites/outreach')/lists" }, { type: 'Collection(microsoft.graph.list)', kind: 'navigation' }],
    ['a type cast to a derived type', { method: 'GET', path: '/users/x/messages/y/attachments/microsoft.graph.fileAttachment' }, { type: 'Collection(microsoft.graph.fileAttachment)', kind: 'navigation' }],
    ['$count of a collection', { method: 'GET', path: `${list}/items/$count` }, { type: 'Edm.Int32', kind: 'property' }],
    ['a trailing slash', { method: 'GET', path: `${list}/items/` }, { type: 'Collection(microsoft.graph.listItem)', kind: 'navigation' }],
    ['a structural property', { method: 'GET', path: `${list}/items/3/contentType` }, { type: 'microsoft.graph.contentTypeInfo', kind: 'property' }],
  ])('%s', (_description, request, target) => {
    expect(checker.check(request)).toEqual({ ok: true, target });
  });
});
