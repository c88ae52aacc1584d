// The stages of a Dockerfile as build targets (upstream's
// dockerfile2llb.ListTargets): parser and instructions only, nothing expanded.

import type { TargetList } from '../../subrequests/targets.ts';
import { linesLocation } from '../../subrequests/types.ts';
import { parseStages } from '../instructions/index.ts';
import { parse } from '../parser/index.ts';
import type { Channel } from '../channel.ts';

/** Every stage as a target; the last is the default. Throws the parser's errors. */
export function listTargets(dockerfile: Uint8Array, channel?: Channel): TargetList {
  const { stages } = parseStages(parse(dockerfile), { channel });
  const list: TargetList = { targets: undefined, sources: [dockerfile] };
  stages.forEach((s, i) => {
    list.targets ??= [];
    list.targets.push({
      name: s.name,
      default: i === stages.length - 1,
      description: s.docComment,
      base: s.baseName,
      platform: s.platform,
      location: linesLocation([s.location]),
    });
  });
  return list;
}
