/** A failure answered in Graph's error shape. Thrown inside handlers, turned into a response in one place. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

export const graphErrorBody = (
  code: string,
  message: string,
  ids: { requestId: string; clientRequestId: string },
  at: Date,
): GraphErrorBody => ({
  error: {
    code,
    message,
    innerError: {
      date: at.toISOString().replace(/\.\d{3}Z$/, ''),
      'request-id': ids.requestId,
      'client-request-id': ids.clientRequestId,
    },
  },
});

export const notFound = (what: string): GraphError => new GraphError(404, 'itemNotFound', `${what} was not found.`);
export const badRequest = (message: string): GraphError => new GraphError(400, 'invalidRequest', message);
