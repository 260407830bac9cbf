import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import type { TemplateOverrides } from '../../workflow';
import { graphStatus } from '../sharepoint/graphErrors';

/**
 * The site's "Templates" library: the service's own copies of the document templates, by file
 * name at the library's top level. A file that is not there answers 404: the shipped template is used.
 */
export class DriveTemplateLibrary implements TemplateOverrides {
  constructor(
    private readonly client: Client,
    private readonly driveId: string,
  ) {}

  async find(fileName: string): Promise<Uint8Array | undefined> {
    try {
      const content: unknown = await this.client
        .api(`/drives/${encodeURIComponent(this.driveId)}/root:/${encodeURIComponent(fileName)}:/content`)
        .responseType(ResponseType.ARRAYBUFFER)
        .get();
      return bytesOf(content);
    } catch (error) {
      if (graphStatus(error) === 404) return undefined;
      throw error;
    }
  }
}

function bytesOf(content: unknown): Uint8Array {
  if (content instanceof ArrayBuffer) return new Uint8Array(content);
  if (ArrayBuffer.isView(content)) return new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
  throw new Error('The Templates library answered a file without content.');
}
