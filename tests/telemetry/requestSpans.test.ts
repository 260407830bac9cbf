import { pathTemplate, graphPathLiterals } from '../../graph/client/pathTemplate';
import { resourceOfScopes } from '../../app/telemetry/managedIdentityCredential';
import { describeFailure, routeTemplate } from '../../app/telemetry/requestSpans';
import { ingestionIsLoopback } from '../../app/telemetry/telemetry';

describe('route templates of requests', () => {
  it('the matched route replaces the tail of the path, behind the literal words of its mount', () => {
    expect(routeTemplate({ originalUrl: '/tab/api/cases/17?q=Зоряна', route: { path: '/cases/:caseId' } })).toBe('/tab/api/cases/:caseId');
    expect(routeTemplate({ originalUrl: '/tab/api/cases/17/folder/', route: { path: '/:caseId/folder' } })).toBe('/tab/api/cases/:caseId/folder');
    expect(routeTemplate({ originalUrl: '/api/messages', route: { path: '/' } })).toBe('/api/messages');
  });

  it('without a route, or with one that does not line up (optional parts), the path loses what is not a known word', () => {
    expect(routeTemplate({ originalUrl: '/tab/cases/Зоряна%20Квітковська?x=1' })).toBe('/tab/cases/:id');
    expect(routeTemplate({ originalUrl: '/v3/conversations/a:b/activities/7', route: { path: '/v3/conversations/:conversationId/activities{/:replyTo}' } })).toBe('/:id/:id/:id/:id/:id');
    expect(routeTemplate({ originalUrl: '/' })).toBe('/');
  });

  it('a route parameter not named in the app cannot carry a word through', () => {
    expect(routeTemplate({ originalUrl: '/tab/api/cases/17', route: { path: '/cases/:Zoryana' } })).toBe('/tab/api/cases/:id');
  });

  it('Graph paths: literals kept, ids and names replaced, the query gone', () => {
    expect(pathTemplate("/v1.0/sites/abc,def/lists/Children/items?$filter=fields/FirstName eq 'Зоряна'", graphPathLiterals)).toBe('/v1.0/sites/:id/lists/:id/items');
    expect(pathTemplate('/v1.0/users/outreach@example.org/sendMail', graphPathLiterals)).toBe('/v1.0/users/:id/sendMail');
  });
});

describe('failures: type and code, never the message', () => {
  it('keeps a named code and the class of the error', () => {
    class GraphError extends Error {
      code = 'serviceNotAvailable';
    }
    expect(describeFailure(new GraphError('Зоряна Квітковська is not on the list'))).toEqual({ type: 'GraphError', code: 'serviceNotAvailable' });
    expect(describeFailure(Object.assign(new TypeError('fetch failed for Зоряна'), { code: 'ECONNREFUSED' }))).toEqual({ type: 'TypeError', code: 'ECONNREFUSED' });
  });

  it('an odd name or code, or something that is not an Error, is just "Error"', () => {
    expect(describeFailure(Object.assign(new Error('x'), { name: 'Зоряна', code: 'a code with spaces' }))).toEqual({ type: 'Error' });
    expect(describeFailure('Зоряна')).toEqual({ type: 'Error' });
    expect(JSON.stringify(describeFailure(new RangeError('Зоряна')))).not.toContain('Зоряна');
  });
});

describe('signing in to ingestion', () => {
  it('the exporter\'s scope becomes the managed identity\'s resource', () => {
    expect(resourceOfScopes('https://monitor.azure.com/.default')).toBe('https://monitor.azure.com/');
    expect(resourceOfScopes(['https://monitor.azure.us/.default'])).toBe('https://monitor.azure.us/');
    expect(() => resourceOfScopes([])).toThrow(/No scope/);
  });

  it('only a loopback ingestion endpoint may be used without a credential', () => {
    expect(ingestionIsLoopback('InstrumentationKey=0f5d6a1e-3b7c-4d2a-9e8f-1a2b3c4d5e6f;IngestionEndpoint=https://127.0.0.1:4000/')).toBe(true);
    expect(ingestionIsLoopback('InstrumentationKey=0f5d6a1e-3b7c-4d2a-9e8f-1a2b3c4d5e6f;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/')).toBe(false);
    expect(ingestionIsLoopback('InstrumentationKey=0f5d6a1e-3b7c-4d2a-9e8f-1a2b3c4d5e6f')).toBe(false);
  });
});
