// `frontend.targets`: the stages a Dockerfile can build (upstream's
// frontend/subrequests/targets).

import { goBytesJSON, type GoJSON } from '../go/json.ts';
import { TabWriter } from '../go/tabwriter.ts';
import { locationJSON, textResult, type Request, type SourceLocation, type SubrequestResult } from './types.ts';

export const REQUEST_TARGETS = 'frontend.targets';

export const targetsDefinition: Request = {
  name: REQUEST_TARGETS,
  version: '1.0.0',
  type: 'rpc',
  description: 'List all targets current build supports',
  opts: [],
  metadata: [{ name: 'result.json' }, { name: 'result.txt' }],
};

export interface Target {
  name: string;
  /** True for the last stage. */
  default: boolean;
  description: string;
  /** The FROM image or stage, unexpanded. */
  base: string;
  /** The `--platform` flag text, unexpanded. */
  platform: string;
  location?: SourceLocation;
}

export interface TargetList {
  /** Undefined is Go's nil slice (no stages), written `null`. */
  targets: Target[] | undefined;
  sources: Uint8Array[];
}

export function targetListJSON(l: TargetList): GoJSON {
  const targets =
    l.targets === undefined
      ? null
      : l.targets.map((t) => {
          const o: { [k: string]: GoJSON } = {};
          if (t.name !== '') o.name = t.name;
          if (t.default) o.default = true;
          if (t.description !== '') o.description = t.description;
          if (t.base !== '') o.base = t.base;
          if (t.platform !== '') o.platform = t.platform;
          if (t.location !== undefined) o.location = locationJSON(t.location);
          return o;
        });
  return { targets, sources: l.sources.map(goBytesJSON) };
}

/** The human-readable target table (upstream's PrintTargets). */
export function printTargets(l: TargetList): string {
  const tw = new TabWriter(1);
  tw.write('TARGET\tDESCRIPTION\n');
  for (const t of l.targets ?? []) {
    let name = t.name;
    if (name === '' && t.default) name = '(default)';
    else if (t.default) name = `${name} (default)`;
    tw.write(`${name}\t${t.description}\n`);
  }
  return tw.flush();
}

/** result.json, result.txt and version of a target list (upstream's List.ToResult). */
export function targetsResult(l: TargetList): SubrequestResult {
  return textResult(targetListJSON(l), printTargets(l), targetsDefinition.version);
}
