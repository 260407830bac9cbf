import { buildMetadataModel } from './buildMetadataModel';
import { readCsdl } from './csdlDocument';
import type { MetadataModel } from './metadataModel';
import { checkBody } from './checkBody';
import { resolvePath, targetOf } from './resolvePath';
import type { GraphMetadataChecker, GraphRequestCheck, GraphRequestToCheck } from './types';

/** A checker over an already built model (tests build small models; the emulator loads the CSDL). */
export const metadataChecker = (model: MetadataModel): GraphMetadataChecker => ({
  check(request: GraphRequestToCheck): GraphRequestCheck {
    const resolved = resolvePath(model, request.method, request.path);
    if ('ok' in resolved) return resolved;
    const refused = checkBody(model, request.method, resolved, request.body);
    return refused ?? { ok: true, target: targetOf(resolved) };
  },
});

/** Reads and parses the Graph v1.0 CSDL once (a few hundred milliseconds) and returns the checker over it. */
export const loadGraphMetadata = (csdlPath: string): GraphMetadataChecker => metadataChecker(buildMetadataModel(readCsdl(csdlPath)));
