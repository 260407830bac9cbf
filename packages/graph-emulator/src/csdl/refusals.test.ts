import { bundledCsdlPath } from './csdlPath';
import { loadGraphMetadata } from './loadGraphMetadata';
import type { GraphMetadataChecker, GraphRequestToCheck } from './types';

let checker: GraphMetadataChecker;
beforeAll(() => {
  checker = loadGraphMetadata(bundledCsdlPath());
});

const list = '/sites/s1/lists/l1';
const user = '/users/u1';
const refusal = (message: string) => ({ ok: false, status: 400, code: 'BadRequest', message });
const segment = (name: string) => refusal(`Resource not found for the segment '${name}'.`);
const property = (name: string, type: string) => refusal(`Invalid request: property '${name}' does not exist on type '${type}'`);

type Row = [description: string, request: GraphRequestToCheck, expected: ReturnType<typeof refusal>];

describe('unknown path segments are refused, naming the segment', () => {
  it.each<Row>([
    ['an unknown entity set', { method: 'GET', path: '/cases' }, segment('cases')],
    ['a misspelt navigation property', { method: 'GET', path: '/sites/s1/listz' }, segment('listz')],
    ['a navigation of another type (columns on a list item)', { method: 'GET', path: `${list}/items/3/columns` }, segment('columns')],
    ['a segment after an action', { method: 'POST', path: `${user}/sendMail/again` }, segment('again')],
    ['a segment after stream content', { method: 'GET', path: '/drives/d1/items/i1/content/more' }, segment('more')],
    ['a segment under a primitive property', { method: 'GET', path: `${list}/displayName/length` }, segment('length')],
    ['a key after a single-valued navigation', { method: 'GET', path: `${list}/items/3/fields/Title` }, segment('Title')],
    ['path addressing on a type that has none', { method: 'GET', path: `${user}:/folder:` }, segment('u1:')],
    ['an empty path', { method: 'GET', path: '/' }, segment('')],
    ['a key in parentheses on a singleton', { method: 'GET', path: "/me('x')" }, segment("me('x')")],
  ])('%s', (_description, request, expected) => {
    expect(checker.check(request)).toEqual(expected);
  });
});

describe('bound operations must be bound to the type the path reached', () => {
  it.each<Row>([
    ['sendMail on a site', { method: 'POST', path: '/sites/s1/sendMail', body: {} }, segment('sendMail')],
    ['getSchedule on a user (it is bound to calendar)', { method: 'POST', path: `${user}/getSchedule`, body: {} }, segment('getSchedule')],
    ['a collection-bound function on one entity', { method: 'GET', path: `${user}/delta()` }, segment('delta()')],
    ['an operation qualified with another namespace', { method: 'POST', path: `${user}/microsoft.graph.security.sendMail` }, segment('microsoft.graph.security.sendMail')],
    ['an action read with GET', { method: 'GET', path: `${user}/sendMail` }, segment('sendMail')],
    ['a function invoked with POST', { method: 'POST', path: '/users/delta()' }, segment('delta()')],
  ])('%s', (_description, request, expected) => {
    expect(checker.check(request)).toEqual(expected);
  });
});

describe('body properties must exist on the target type', () => {
  it.each<Row>([
    ['unknown property on a list create', { method: 'POST', path: '/sites/s1/lists', body: { displayName: 'Cases', foo: 1 } }, property('foo', 'microsoft.graph.list')],
    ['nested: listInfo', { method: 'POST', path: '/sites/s1/lists', body: { displayName: 'Cases', list: { templat: 'genericList' } } }, property('templat', 'microsoft.graph.listInfo')],
    ['nested in a deep-inserted column', {
      method: 'POST', path: '/sites/s1/lists', body: { displayName: 'Cases', columns: [{ name: 'A', text: {} }, { name: 'B', text: { maxLenght: 5 } }] },
    }, property('maxLenght', 'microsoft.graph.textColumn')],
    ['a column kind that does not exist', { method: 'POST', path: `${list}/columns`, body: { name: 'A', note: {} } }, property('note', 'microsoft.graph.columnDefinition')],
    ['a list property on a list item', { method: 'PATCH', path: `${list}/items/3`, body: { displayName: 'x' } }, property('displayName', 'microsoft.graph.listItem')],
    ['a property of another type in an attendee (event itself is open)', {
      method: 'POST', path: `${user}/events`, body: { subject: 'x', attendees: [{ emailAddress: { address: 'a@example.test' }, required: true }] },
    }, property('required', 'microsoft.graph.attendee')],
    ['nested in a message body', {
      method: 'POST', path: `${user}/sendMail`, body: { message: { subject: 's', body: { contentTyp: 'HTML', content: 'x' } } },
    }, property('contentTyp', 'microsoft.graph.itemBody')],
    ['nested in a recipient', {
      method: 'POST', path: `${user}/sendMail`, body: { message: { toRecipients: [{ emailAddress: { adress: 'a@example.test' } }] } },
    }, property('adress', 'microsoft.graph.emailAddress')],
    ['contentBytes without @odata.type (the base attachment has none)', {
      method: 'POST', path: `${user}/sendMail`, body: { message: { attachments: [{ name: 'a.pdf', contentBytes: 'AA==' }] } },
    }, property('contentBytes', 'microsoft.graph.attachment')],
    ['names are case-sensitive in bodies', { method: 'POST', path: '/sites/s1/lists', body: { DisplayName: 'Cases' } }, property('DisplayName', 'microsoft.graph.list')],
    ['a property annotation needs its property', { method: 'PATCH', path: `${list}/items/3`, body: { 'manager@odata.bind': 'x' } }, property('manager', 'microsoft.graph.listItem')],
    ['an unknown folder facet property', { method: 'POST', path: '/drives/d1/root/children', body: { name: 'A', folder: { colour: 'red' } } }, property('colour', 'microsoft.graph.folder')],
  ])('%s', (_description, request, expected) => {
    expect(checker.check(request)).toEqual(expected);
  });

  it('refuses an unknown action parameter in the words Graph uses', () => {
    expect(checker.check({ method: 'POST', path: `${user}/sendMail`, body: { mesage: {} } })).toEqual(
      refusal("The parameter 'mesage' in the request payload is not a valid parameter for the operation 'sendMail'."),
    );
  });

  it('refuses an @odata.type that is not derived from the declared type', () => {
    const body = { message: { attachments: [{ '@odata.type': '#microsoft.graph.list', name: 'a' }] } };
    expect(checker.check({ method: 'POST', path: `${user}/sendMail`, body })).toEqual(
      refusal("Invalid request: the type '#microsoft.graph.list' is not compatible with the expected type 'microsoft.graph.attachment'."),
    );
  });

  it('refuses an @odata.type the model does not know', () => {
    const body = { message: { attachments: [{ '@odata.type': '#microsoft.graph.pdfAttachment' }] } };
    const result = checker.check({ method: 'POST', path: `${user}/sendMail`, body });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("A type named '#microsoft.graph.pdfAttachment' could not be resolved") });
  });

  it.each<[string, unknown, string]>([
    ['a single recipient where a collection belongs', { message: { toRecipients: { emailAddress: { address: 'a' } } } }, "a collection of 'microsoft.graph.recipient'"],
    ['a string where an itemBody belongs', { message: { body: 'hello' } }, "an object of type 'microsoft.graph.itemBody'"],
    ['an object where a string belongs', { message: { subject: { text: 'x' } } }, "a value of type 'Edm.String'"],
  ])('refuses %s', (_description, body, expected) => {
    const result = checker.check({ method: 'POST', path: `${user}/sendMail`, body });
    expect(result).toMatchObject({ ok: false, status: 400, code: 'BadRequest', message: expect.stringContaining(expected) });
  });

  it('refuses a JSON body that is not an object', () => {
    expect(checker.check({ method: 'PATCH', path: `${list}/items/3/fields`, body: ['Closed'] })).toEqual(
      refusal('Invalid request: the request body must be a JSON object.'),
    );
  });
});

describe('what the body check lets through', () => {
  it('accepts any property on an open type (the emulator checks fields against the list columns)', () => {
    expect(checker.check({ method: 'POST', path: `${list}/items`, body: { fields: { AnyColumn: 1, Other: { nested: true } } } })).toMatchObject({ ok: true });
  });

  it('accepts unknown top-level properties on event and message, which the v1.0 metadata declares open', () => {
    expect(checker.check({ method: 'POST', path: `${user}/events`, body: { toRecipients: [] } })).toMatchObject({ ok: true });
  });

  it('accepts instance annotations at any depth', () => {
    const body = { '@odata.context': 'x', name: 'A', folder: { '@odata.etag': 'y' }, '@microsoft.graph.conflictBehavior': 'rename' };
    expect(checker.check({ method: 'POST', path: '/drives/d1/root/children', body })).toMatchObject({ ok: true });
  });

  it('accepts null values and action parameters whatever their case', () => {
    expect(checker.check({ method: 'POST', path: `${user}/sendMail`, body: { Message: { body: null }, saveToSentItems: null } })).toMatchObject({ ok: true });
  });

  it('does not check bodies of reads and deletes', () => {
    expect(checker.check({ method: 'DELETE', path: `${list}/items/3`, body: { foo: 1 } })).toMatchObject({ ok: true });
  });
});
