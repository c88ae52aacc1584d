// The stages of a Dockerfile as build targets (upstream's
// dockerfile2llb.ListTargets): parser and instructions only, nothing expanded.

import type { TargetList } from '../../subrequests/targets.ts';
import { SourceList } from '../../subrequests/types.ts';
import type { ConvertOptions } from '../convert/index.ts';
import { withIncludes } from '../convert/include.ts';
import { parseStages } from '../instructions/index.ts';
import { parse, type ParseResult } from '../parser/index.ts';
import type { Channel } from '../channel.ts';

/** Every stage as a target; the last is the default. Throws the parser's errors. */
export function listTargets(dockerfile: Uint8Array, channel?: Channel): TargetList {
  return targetsOf(dockerfile, parse(dockerfile), channel);
}

/**
 * listTargets for a conversion with these options: in the labs channel the
 * stages of included files are targets too, located in their file (a
 * source after the Dockerfile's).
 */
export async function listTargetsFor(dockerfile: Uint8Array, opt: ConvertOptions): Promise<TargetList> {
  return targetsOf(dockerfile, await withIncludes(parse(dockerfile), opt), opt.channel);
}

function targetsOf(dockerfile: Uint8Array, ast: ParseResult, channel: Channel | undefined): TargetList {
  const { stages } = parseStages(ast, { channel });
  const sources = new SourceList(dockerfile);
  const list: TargetList = { targets: undefined, sources: sources.sources };
  stages.forEach((s, i) => {
    list.targets ??= [];
    list.targets.push({
      name: s.name,
      default: i === stages.length - 1,
      description: s.docComment,
      base: s.baseName,
      platform: s.platform,
      location: sources.location([s.location]),
    });
  });
  return list;
}
