// `frontend.outline`: the build args, secrets and SSH sockets a target uses
// (upstream's frontend/subrequests/outline).

import { goBytesJSON, type GoJSON } from '../go/json.ts';
import { TabWriter } from '../go/tabwriter.ts';
import { locationJSON, textResult, type Request, type SourceLocation, type SubrequestResult } from './types.ts';

export const REQUEST_OUTLINE = 'frontend.outline';

export const outlineDefinition: Request = {
  name: REQUEST_OUTLINE,
  version: '1.0.0',
  type: 'rpc',
  description: 'List all parameters current build target supports',
  opts: [{ name: 'target', description: 'Target build stage' }],
  metadata: [{ name: 'result.json' }, { name: 'result.txt' }],
};

export interface OutlineArg {
  name: string;
  description: string;
  value: string;
  location?: SourceLocation;
}

export interface OutlineSecret {
  name: string;
  required: boolean;
  location?: SourceLocation;
}

export type OutlineSSH = OutlineSecret;

export interface OutlineCacheMount {
  id: string;
  location?: SourceLocation;
}

export interface Outline {
  name: string;
  description: string;
  args: OutlineArg[];
  secrets: OutlineSecret[];
  ssh: OutlineSSH[];
  cache: OutlineCacheMount[];
  /** The Dockerfile bytes. */
  sources: Uint8Array[];
}

function requiredListJSON(list: OutlineSecret[]): GoJSON {
  return list.map((s) => {
    const o: { [k: string]: GoJSON } = { name: s.name };
    if (s.required) o.required = true;
    if (s.location !== undefined) o.location = locationJSON(s.location);
    return o;
  });
}

/** The Outline struct as encoding/json writes it (every field omitempty). */
export function outlineJSON(o: Outline): GoJSON {
  const out: { [k: string]: GoJSON } = {};
  if (o.name !== '') out.name = o.name;
  if (o.description !== '') out.description = o.description;
  if (o.args.length > 0) {
    out.args = o.args.map((a) => {
      const j: { [k: string]: GoJSON } = { name: a.name };
      if (a.description !== '') j.description = a.description;
      if (a.value !== '') j.value = a.value;
      if (a.location !== undefined) j.location = locationJSON(a.location);
      return j;
    });
  }
  if (o.secrets.length > 0) out.secrets = requiredListJSON(o.secrets);
  if (o.ssh.length > 0) out.ssh = requiredListJSON(o.ssh);
  if (o.cache.length > 0) {
    out.cache = o.cache.map((c) => {
      const j: { [k: string]: GoJSON } = { ID: c.id };
      if (c.location !== undefined) j.location = locationJSON(c.location);
      return j;
    });
  }
  if (o.sources.length > 0) out.sources = o.sources.map(goBytesJSON);
  return out;
}

/** The human-readable outline (upstream's PrintOutline). */
export function printOutline(o: Outline): string {
  let out = '';
  if (o.name !== '' || o.description !== '') {
    const tw = new TabWriter(1);
    tw.write(`TARGET:\t${o.name === '' ? '(default)' : o.name}\n`);
    if (o.description !== '') tw.write(`DESCRIPTION:\t${o.description}\n`);
    out += tw.flush() + '\n';
  }
  if (o.args.length > 0) {
    const tw = new TabWriter(3);
    tw.write('BUILD ARG\tVALUE\tDESCRIPTION\n');
    for (const a of o.args) tw.write(`${a.name}\t${a.value}\t${a.description}\n`);
    out += tw.flush() + '\n';
  }
  for (const [title, list] of [
    ['SECRET', o.secrets],
    ['SSH', o.ssh],
  ] as const) {
    if (list.length === 0) continue;
    const tw = new TabWriter(3);
    tw.write(`${title}\tREQUIRED\n`);
    for (const s of list) tw.write(`${s.name}\t${s.required ? 'true' : ''}\n`);
    out += tw.flush() + '\n';
  }
  return out;
}

/** result.json, result.txt and version of an outline (upstream's Outline.ToResult). */
export function outlineResult(o: Outline): SubrequestResult {
  return textResult(outlineJSON(o), printOutline(o), outlineDefinition.version);
}
