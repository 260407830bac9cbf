import fc from 'fast-check';
import { scrubEnvelope, scrubEnvelopes, scrubOperationName, scrubUrl } from '../../app/telemetry/scrubEnvelope';

const secret = 'Зоряна Квітковська';
const email = 'kvitkovska.family@example.org';
const ikey = '0f5d6a1e-3b7c-4d2a-9e8f-1a2b3c4d5e6f';

const envelope = (name: string, baseType: string, baseData: Record<string, unknown>, tags: Record<string, unknown> = {}) => ({
  ver: 1, name, time: '2026-12-03T13:21:05.542Z', sampleRate: 100, iKey: ikey, seq: 'x', tags, data: { baseType, baseData },
});

describe('scrubEnvelope: only what is on the allow-list, in the shape expected, leaves', () => {
  it('a request keeps its route template, status and timing; its URL, query and unknown properties go', () => {
    const scrubbed = scrubEnvelope(
      envelope(
        'Microsoft.ApplicationInsights.Request',
        'RequestData',
        {
          ver: 2, id: 'b0a91f7a4898438d', name: `GET /tab/api/cases/OC-26-7Q3XA?q=${encodeURIComponent(secret)}`, duration: '00:00:00.9473828', success: true, responseCode: '200',
          url: `https://outreach.example.org/tab/api/cases/17?q=${encodeURIComponent(secret)}`, source: email,
          properties: { 'child.name': secret, 'error.code': 'serviceNotAvailable', 'http.url': `/x?${email}` }, measurements: { [secret]: 1 },
        },
        { 'ai.operation.id': '247899b87909722bc83c412a757a1388', 'ai.operation.name': `GET /tab/api/cases/${secret}`, 'ai.user.id': email, 'ai.location.ip': '203.0.113.9', 'ai.user.userAgent': secret, 'ai.cloud.role': 'outreach-cases' },
      ),
    );
    expect(scrubbed).toEqual({
      ver: 1, name: 'Microsoft.ApplicationInsights.Request', time: '2026-12-03T13:21:05.542Z', sampleRate: 100, iKey: ikey,
      tags: { 'ai.operation.id': '247899b87909722bc83c412a757a1388', 'ai.operation.name': 'GET /tab/api/cases/:id', 'ai.cloud.role': 'outreach-cases' },
      data: { baseType: 'RequestData', baseData: { ver: 2, id: 'b0a91f7a4898438d', name: 'GET /tab/api/cases/:id', duration: '00:00:00.9473828', success: true, responseCode: '200', properties: { 'error.code': 'serviceNotAvailable' } } },
    });
  });

  it('a Graph dependency keeps method, path template, host and status: never the $filter or a value in the path', () => {
    const filter = `$filter=fields/FirstName eq '${secret}'`;
    const scrubbed = scrubEnvelope(
      envelope('Microsoft.ApplicationInsights.RemoteDependency', 'RemoteDependencyData', {
        ver: 2, id: '441d450f0ef6405f', name: `GET /v1.0/drives/b!x/root:/Case Files/${secret}:/children?${filter}`, duration: '00:00:00.1969509', success: false, resultCode: '503',
        data: `https://graph.microsoft.com/v1.0/sites/contoso.sharepoint.com:/sites/outreach:/lists/Children/items?${filter}`, target: 'graph.microsoft.com', type: 'Http',
        properties: { note: secret },
      }),
    );
    expect(scrubbed?.data).toEqual({
      baseType: 'RemoteDependencyData',
      baseData: {
        ver: 2, id: '441d450f0ef6405f', name: 'GET /v1.0/drives/:id/root:/:id/:id/children', duration: '00:00:00.1969509', success: false, resultCode: '503',
        data: 'https://graph.microsoft.com/v1.0/sites/:id/sites/:id/lists/:id/items', target: 'graph.microsoft.com', type: 'Http', properties: {},
      },
    });
  });

  it('an exception keeps its type and named code; its message, stack and parsed stack are never sent', () => {
    const scrubbed = scrubEnvelope(
      envelope('Microsoft.ApplicationInsights.Exception', 'ExceptionData', {
        ver: 2,
        exceptions: [{ typeName: 'GraphError', message: `No child called ${secret} (${email})`, hasFullStack: true, stack: `Error: ${secret}\n at x`, parsedStack: [{ method: secret }] }],
        properties: { 'error.code': 'serviceNotAvailable', 'exception.message': secret },
      }),
    );
    expect(scrubbed?.data).toEqual({
      baseType: 'ExceptionData',
      baseData: { ver: 2, exceptions: [{ typeName: 'GraphError', message: 'GraphError: serviceNotAvailable', hasFullStack: false }], properties: { 'error.code': 'serviceNotAvailable' } },
    });
  });

  it('a type name or an error code not shaped as one is not kept', () => {
    const scrubbed = scrubEnvelope(
      envelope('Microsoft.ApplicationInsights.Exception', 'ExceptionData', { exceptions: [{ typeName: secret, message: secret }], properties: { 'error.code': `bad code ${secret}` } }),
    );
    expect(scrubbed?.data).toEqual({ baseType: 'ExceptionData', baseData: { exceptions: [{ typeName: 'Error', message: 'Error', hasFullStack: false }], properties: {} } });
  });

  it.each([
    ['Microsoft.ApplicationInsights.Message', 'MessageData'],
    ['Microsoft.ApplicationInsights.Metric', 'MetricData'],
    ['Microsoft.ApplicationInsights.Event', 'EventData'],
    ['Microsoft.ApplicationInsights.Request', 'ExceptionData'],
  ])('%s with %s is dropped whole', (name, baseType) => {
    expect(scrubEnvelope(envelope(name, baseType, { message: secret, name: secret, properties: { a: secret } }))).toBeUndefined();
  });

  it('a body that is not JSON is replaced by an empty batch; a JSON array is scrubbed item by item', () => {
    expect(scrubEnvelopes(`not json ${secret}`)).toBe('[]');
    expect(JSON.parse(scrubEnvelopes(JSON.stringify([{ name: secret }, envelope('Microsoft.ApplicationInsights.Message', 'MessageData', { message: secret })])))).toEqual([]);
  });

  it('names and URLs: methods checked, queries dropped, segments that are not literals replaced, long paths cut', () => {
    expect(scrubOperationName('POST /api/messages')).toBe('POST /api/messages');
    expect(scrubOperationName(`${secret} /api/messages`)).toBeUndefined();
    expect(scrubOperationName(`GET ${secret}`)).toBe('GET :id');
    expect(scrubOperationName('GET /tab/api/cases/:caseId')).toBe('GET /tab/api/cases/:caseId');
    expect(scrubOperationName('GET /tab/api/cases/:childName')).toBe('GET /tab/api/cases/:id');
    expect(scrubOperationName(`GET /${'a/'.repeat(400)}`)?.length).toBeLessThanOrEqual(4 + 256);
    expect(scrubUrl(`https://user:pass@graph.microsoft.com/v1.0/users/${email}/sendMail?x=${secret}#${secret}`)).toBe('https://graph.microsoft.com/v1.0/users/:id/sendMail');
    expect(scrubUrl(`javascript:${secret}`)).toBeUndefined();
    expect(scrubUrl(secret)).toBeUndefined();
  });

  it('whatever is planted anywhere in an envelope, the child\'s name and e-mail never come out', () => {
    const planted = fc.constantFrom(secret, email, `/tab/api/cases/${secret}`, `GET /x/${encodeURIComponent(secret)}?q=${secret}`, `https://h/${email}`, `${secret}Error`);
    const leaf = fc.oneof(planted, fc.string(), fc.integer(), fc.boolean());
    const anyJson = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.oneof(planted, fc.string()), tie('node'), { maxKeys: 4 })),
    })).node;
    const kinds = fc.constantFrom(
      ['Microsoft.ApplicationInsights.Request', 'RequestData'],
      ['Microsoft.ApplicationInsights.RemoteDependency', 'RemoteDependencyData'],
      ['Microsoft.ApplicationInsights.Exception', 'ExceptionData'],
    );
    const fields = fc.dictionary(
      fc.constantFrom('name', 'url', 'data', 'target', 'type', 'id', 'duration', 'responseCode', 'resultCode', 'properties', 'measurements', 'exceptions', 'source', 'message'),
      anyJson,
    );
    const tags = fc.dictionary(fc.constantFrom('ai.operation.name', 'ai.operation.id', 'ai.user.id', 'ai.cloud.role', 'ai.location.ip', 'ai.user.userAgent', 'ai.session.id'), anyJson);
    fc.assert(
      fc.property(kinds, fields, tags, anyJson, ([name, baseType], baseData, tagValues, extra) => {
        const out = JSON.stringify(scrubEnvelope({ ...envelope(name as string, baseType as string, baseData, tagValues), extra }) ?? null);
        return !out.includes(secret) && !out.includes(email) && !out.includes(encodeURIComponent(secret)) && !out.includes('Зоряна') && !out.includes('kvitkovska');
      }),
      { numRuns: 500 },
    );
  });
});
