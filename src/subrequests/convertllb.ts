// `frontend.convertllb` (upstream's frontend/subrequests/convertllb): the
// Dockerfile's LLB as JSON. Upstream writes result.json and version (no
// result.txt); the JSON
// (protojson of each op, keyed by digest) is built by the caller.

import { goMarshalIndent, type GoJSON } from '../go/json.ts';
import { utf8, type Request, type SubrequestResult } from './types.ts';

export const REQUEST_CONVERT_LLB = 'frontend.convertllb';

export const convertLLBDefinition: Request = {
  name: REQUEST_CONVERT_LLB,
  version: '0.1.0',
  type: 'rpc',
  description: 'Convert Dockerfile to LLB',
  opts: [],
  metadata: [{ name: 'result.json' }],
};

/**
 * The result; `json` is {def, metadata, source} in upstream's field order,
 * map keys (digests) sorted as Go's encoder sorts them.
 */
export function convertLLBResult(json: GoJSON): SubrequestResult {
  const metadata = new Map<string, Uint8Array>();
  metadata.set('result.json', utf8(goMarshalIndent(json)));
  metadata.set('version', utf8(convertLLBDefinition.version));
  return { metadata };
}
