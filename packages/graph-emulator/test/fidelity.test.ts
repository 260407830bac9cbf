import { emulatorApplication } from '../src/store/emulatorStore';
import { casesListBody, startHarness, type Harness } from './harness';

/** Where SharePoint and Graph fail and the emulator used to let a product bug pass. */
describe('Graph emulator: fidelity to SharePoint and Graph limits', () => {
  let h: Harness;
  let listId: string;
  const items = (): string => `/sites/${h.siteId()}/lists/${listId}/items`;
  const json = { 'Content-Type': 'application/json' };
  const honour = 'HonorNonIndexedQueriesWarningMayFailRandomly';
  const fidelity = (settings: Record<string, unknown>): Promise<unknown> =>
    h.put('/_emulator/fidelity', JSON.stringify(settings), 'application/json').expect(200);
  const faults = (settings: Record<string, unknown>): Promise<unknown> =>
    h.put('/_emulator/faults', JSON.stringify(settings), 'application/json').expect(200);
  const seed = (count: number): void => {
    h.store.items.insertMany(listId, Array.from({ length: count }, (_, i) => ({
      CaseKey: `K-${i + 1}`, Status: i % 10 === 0 ? 'Closed' : 'Open', Note: 'n', Urgent: i % 2 === 0,
    })), emulatorApplication.id, h.clock.now());
  };

  beforeEach(async () => {
    h = startHarness();
    listId = (await h.post(`/sites/${h.siteId()}/lists`, casesListBody).expect(201)).body.id;
  });
  afterEach(() => h.close());

  describe('resource units', () => {
    it('counts resource units per request as Microsoft documents them, batch requests one by one', async () => {
      await h.post('/_emulator/requests/reset').expect(204);
      await h.get(`${items()}/1`).expect(404);                       // single item: 1
      await h.get(items()).expect(200);                              // multi-item query: 2
      await h.post(items(), { fields: { CaseKey: 'R-1' } }).expect(201); // create: 2
      await h.post('/$batch', { requests: [
        { id: 'a', method: 'GET', url: `${items()}/1` },             // 1
        { id: 'b', method: 'PATCH', url: `${items()}/1/fields`, headers: json, body: { Status: 'Closed' } }, // 2
      ] }).expect(200);
      await h.get('/users/someone@outreach.example.org/messages').expect(404); // Exchange, not SharePoint (and no such user): 0
      const log = (await h.get('/_emulator/requests').expect(200)).body;
      const units = log.entries.map((e: { resourceUnits: number }) => e.resourceUnits);
      expect(units.slice(0, 3)).toEqual([1, 2, 2]);
      expect([...units.slice(3, 5)].sort()).toEqual([1, 2]); // the batch's requests, run in any order
      expect(units[5]).toBe(0);
      expect(log.counters.resourceUnits).toBe(8);
    });

    it('throttles with 429 and Retry-After beyond a per-minute resource-unit budget, off by default', async () => {
      for (let i = 0; i < 5; i++) await h.get(items()).expect(200);
      await fidelity({ resourceUnitsPerMinute: 5 });
      await h.get(items()).expect(200);
      await h.get(items()).expect(200);
      const over = await h.get(items()).expect(429);
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(60);
      const log = (await h.get('/_emulator/requests').expect(200)).body;
      expect(log.entries.at(-1)).toMatchObject({ status: 429, fault: 'overBudget', resourceUnits: 2 });
    });
  });

  describe('the list view threshold', () => {
    it('throttles (429, Retry-After) an indexed filter matching more items than the threshold on a list above it', async () => {
      await fidelity({ listViewThreshold: 50 });
      seed(60);
      const res = await h.get(`${items()}?$filter=fields/Status eq 'Open'`).expect(429);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.body.error.message).toMatch(/list view threshold/);
      await h.get(`${items()}?$filter=fields/Status eq 'Closed'`).expect(200);
      await h.get(items()).expect(200);
    });

    it('throttles (429, not 400) a non-indexed filter on a list above the threshold', async () => {
      await fidelity({ listViewThreshold: 50 });
      seed(60);
      const res = await h.get(`${items()}?$filter=fields/Note eq 'n'`).set('Prefer', honour).expect(429);
      expect(res.body.error.message).toContain("'Note'");
    });
  });

  it('refuses a multi-line text value longer than 63,999 characters with SharePoint\'s 400', async () => {
    await h.post(items(), { fields: { CaseKey: 'L-1', Note: 'x'.repeat(63_999) } }).expect(201);
    const res = await h.post(items(), { fields: { CaseKey: 'L-2', Note: 'x'.repeat(64_000) } }).expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalidRequest', message: expect.stringContaining("'Note'") });
    await fidelity({ multiLineTextMaxLength: 10 });
    await h.patch(`${items()}/1/fields`, { Note: 'x'.repeat(11) }).expect(400);
  });

  it('sustained throttling answers 429 to everything, $batch itself included, with the seconds left as Retry-After', async () => {
    await faults({ throttleForSeconds: 30 });
    const single = await h.get(items()).expect(429);
    expect(Number(single.headers['retry-after'])).toBeGreaterThan(25);
    expect(single.body.error.code).toBe('TooManyRequests');
    const batch = await h.post('/$batch', { requests: [{ id: '1', method: 'GET', url: items() }] }).expect(429);
    expect(batch.headers['retry-after']).toBeDefined();
    await h.get('/_emulator/requests').expect(200);
    await faults({});
    await h.get(items()).expect(200);
  });

  describe('$batch', () => {
    it('runs a request after a dependency listed later in the array, instead of answering 424', async () => {
      const res = await h.post('/$batch', { requests: [
        { id: 'read', method: 'GET', url: `${items()}/1?$expand=fields`, dependsOn: ['create'] },
        { id: 'create', method: 'POST', url: items(), headers: json, body: { fields: { CaseKey: 'F-1' } } },
      ] }).expect(200);
      const byId = new Map(res.body.responses.map((r: { id: string }) => [r.id, r]));
      expect(byId.get('create')).toMatchObject({ status: 201 });
      expect(byId.get('read')).toMatchObject({ status: 200, body: { fields: { CaseKey: 'F-1' } } });
    });

    it('refuses a cycle of dependencies', async () => {
      await h.post('/$batch', { requests: [
        { id: 'a', method: 'GET', url: items(), dependsOn: ['b'] },
        { id: 'b', method: 'GET', url: items(), dependsOn: ['a'] },
      ] }).expect(400);
    });

    it('runs independent requests and lists responses in a seeded shuffled order, the same for the same seed', async () => {
      const requests = Array.from({ length: 10 }, (_, i) => ({ id: String(i + 1), method: 'POST', url: items(), headers: json, body: { fields: { CaseKey: `S-${i + 1}` } } }));
      const res = await h.post('/$batch', { requests }).expect(200);
      const answered = res.body.responses.map((r: { id: string }) => r.id);
      expect(answered).not.toEqual(requests.map((r) => r.id));
      const created = await h.get(`${items()}?$expand=fields&$top=20`).expect(200);
      const runOrder = created.body.value.map((i: { fields: { CaseKey: string } }) => i.fields.CaseKey.slice(2));
      expect(runOrder).not.toEqual(requests.map((r) => r.id));

      const again = startHarness();
      try {
        const other = (await again.post(`/sites/${again.siteId()}/lists`, casesListBody).expect(201)).body.id;
        const res2 = await again.post('/$batch', { requests: requests.map((r) => ({ ...r, url: `/sites/${again.siteId()}/lists/${other}/items` })) }).expect(200);
        expect(res2.body.responses.map((r: { id: string }) => r.id)).toEqual(answered);
      } finally {
        again.close();
      }
      await fidelity({ shuffleBatch: false });
      const ordered = await h.post('/$batch', { requests: requests.map((r) => ({ ...r, body: { fields: { CaseKey: `T-${r.id}` } } })) }).expect(200);
      expect(ordered.body.responses.map((r: { id: string }) => r.id)).toEqual(requests.map((r) => r.id));
    });
  });

  describe('leniencies', () => {
    it('answers 404 for an unknown user (by default, as Graph does); only a registered user has a mailbox', async () => {
      const res = await h.post('/users/nobody@outreach.example.org/sendMail', { message: { subject: 'x', toRecipients: [{ emailAddress: { address: 'family@school.example.org' } }] } }).expect(404);
      expect(res.body.error.code).toBe('ErrorInvalidUser');
      expect(res.body.error.message).toMatch(/nobody@outreach\.example\.org/);
      expect((await h.get('/_emulator/mailbox').expect(200)).body.value).toHaveLength(0);
      await h.post('/_emulator/users', { id: 'u-1', displayName: 'Pat Example', mail: 'pat@outreach.example.org' }).expect(201);
      await h.get('/users/pat@outreach.example.org/messages').expect(200);
      await h.post('/_emulator/users', { value: [{ id: 'u-2', displayName: 'Sam Example', mail: 'sam@outreach.example.org' }, { id: 'u-3', displayName: 'Alex Example', mail: 'alex@outreach.example.org' }] }).expect(201);
      await h.get('/users/u-3/messages').expect(200);
    });

    it('invents a mailbox for any user when unknownUsersNotFound is off', async () => {
      await fidelity({ unknownUsersNotFound: false });
      await h.get('/users/nobody@outreach.example.org/messages').expect(200);
    });

    it('refuses eq true on a Yes/No column (SharePoint answers it with the opposite items) and matches eq 1', async () => {
      seed(10);
      const refused = await h.get(`${items()}?$filter=fields/Urgent eq true`).set('Prefer', honour).expect(400);
      expect(refused.body.error.message).toMatch(/1 or 0/);
      const ones = await h.get(`${items()}?$filter=fields/Urgent eq 1`).set('Prefer', honour).expect(200);
      expect(ones.body.value).toHaveLength(5);
    });

    it('honours expand= without $ on list items, as Graph does for SharePoint', async () => {
      seed(2);
      const res = await h.get(`${items()}?expand=fields($select=CaseKey)`).expect(200);
      expect(res.body.value[0].fields).toMatchObject({ CaseKey: 'K-1' });
    });

    it('refuses an inline mail attachment over 3 MB', async () => {
      await h.post('/_emulator/users', { id: 'u-1', displayName: 'Pat Example', mail: 'pat@outreach.example.org' }).expect(201);
      const attachment = (bytes: number): Record<string, unknown> => ({
        '@odata.type': '#microsoft.graph.fileAttachment', name: 'big.bin', contentBytes: Buffer.alloc(bytes).toString('base64'),
      });
      const send = (bytes: number): ReturnType<Harness['post']> => h.post('/users/pat@outreach.example.org/sendMail', {
        message: { subject: 'x', toRecipients: [{ emailAddress: { address: 'family@school.example.org' } }], attachments: [attachment(bytes)] },
      });
      // A 3 MB file is 4 MB in base64: over the 4 MB request limit too, so this looks at the attachment limit alone.
      await h.put('/_emulator/fidelity', JSON.stringify({ maxSendMailRequestBytes: 8 * 1024 * 1024 }), 'application/json').expect(200);
      await send(3 * 1024 * 1024).expect(202);
      const res = await send(3 * 1024 * 1024 + 1).expect(413);
      expect(res.body.error.message).toMatch(/upload session/);
    });

    it('refuses a simple upload over the documented limit', async () => {
      const lib = await h.post(`/sites/${h.siteId()}/lists`, { displayName: 'Case Files', list: { template: 'documentLibrary' } }).expect(201);
      const driveId = (await h.get(`/sites/${h.siteId()}/lists/${lib.body.id}/drive`).expect(200)).body.id;
      await fidelity({ maxSimpleUploadBytes: 1000 });
      await h.put(`/drives/${driveId}/root:/small.txt:/content`, Buffer.alloc(1000)).expect(201);
      const res = await h.put(`/drives/${driveId}/root:/big.txt:/content`, Buffer.alloc(1001)).expect(413);
      expect(res.body.error.message).toMatch(/createUploadSession/);
    });
  });

  it('keeps the documented limits as defaults and resets them', async () => {
    await fidelity({ listViewThreshold: 10 });
    await h.post('/_emulator/reset').expect(204);
    const settings = (await h.get('/_emulator/fidelity').expect(200)).body;
    expect(settings).toMatchObject({ listViewThreshold: 5000, multiLineTextMaxLength: 63_999, maxInlineAttachmentBytes: 3 * 1024 * 1024, maxSimpleUploadBytes: 250 * 1024 * 1024 });
    expect(settings.resourceUnitsPerMinute).toBeUndefined();
    await h.put('/_emulator/fidelity', JSON.stringify({ listViewThreshold: 0 }), 'application/json').expect(400);
  });
});
