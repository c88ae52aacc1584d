// `frontend.subrequests.describe`: the requests a frontend advertises.

import type { GoJSON } from '../go/json.ts';
import { outlineDefinition } from './outline.ts';
import { TabWriter } from '../go/tabwriter.ts';
import { targetsDefinition } from './targets.ts';
import { requestJSON, textResult, type Request, type SubrequestResult } from './types.ts';

export const REQUEST_DESCRIBE = 'frontend.subrequests.describe';

export const describeDefinition: Request = {
  name: REQUEST_DESCRIBE,
  version: '1.0.0',
  type: 'rpc',
  description: 'List available subrequest types',
  metadata: [{ name: 'result.json' }, { name: 'result.txt' }],
};

/**
 * What the Dockerfile frontend advertises: outline, targets and describe.
 * It also answers lint and convertllb, but upstream does not list them.
 */
export const dockerfileRequests: Request[] = [outlineDefinition, targetsDefinition, describeDefinition];

/** The request table (upstream's PrintDescribe), names without the `frontend.` prefix. */
export function printDescribe(requests: Request[]): string {
  const tw = new TabWriter(1);
  tw.write('NAME\tVERSION\tDESCRIPTION\n');
  for (const r of requests) {
    const name = r.name.startsWith('frontend.') ? r.name.slice('frontend.'.length) : r.name;
    tw.write(`${name}\t${r.version}\t${r.description}\n`);
  }
  return tw.flush();
}

/** The describe answer for these requests (default: the Dockerfile frontend's). */
export function describeResult(requests: Request[] = dockerfileRequests): SubrequestResult {
  const json: GoJSON = requests.map(requestJSON);
  return textResult(json, printDescribe(requests), describeDefinition.version);
}
