import type { Client } from '@microsoft/microsoft-graph-client';
import type { TemplateOverrides } from '../../workflow';
import { fileBytes } from '../client/fileContent';
import { graphStatus } from '../sharepoint/graphErrors';

/**
 * The site's "Templates" library: the service's own copies of the document templates, by file
 * name at the library's top level. A file that is not there answers 404: the shipped template is used.
 * The bytes come through fileBytes (alone, never in a $batch; Graph's 302 followed by hand without
 * the Graph token): a /content batched with another answers its 302 inside the batch, and the client
 * would follow that one with the bearer token still attached.
 */
export class DriveTemplateLibrary implements TemplateOverrides {
  constructor(
    private readonly client: Client,
    private readonly driveId: string,
  ) {}

  async find(fileName: string): Promise<Uint8Array | undefined> {
    try {
      return (await fileBytes(this.client, `/drives/${encodeURIComponent(this.driveId)}/root:/${encodeURIComponent(fileName)}:/content`)).bytes;
    } catch (error) {
      if (graphStatus(error) === 404) return undefined;
      throw error;
    }
  }
}
