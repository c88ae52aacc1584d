// ADD and COPY: sources (paths or heredocs), a destination and their flags.

import { chompHeredocContent, parseHeredoc } from '../parser/index.ts';
import { errBadHeredoc, errNoDestinationArgument } from './messages.ts';
import { commandBase, type ParseRequest } from './request.ts';
import type { AddCommand, CopyCommand, SourceContent, SourcesAndDest } from './types.ts';
import type { Flag } from './bflags.ts';
import { isLabs } from '../channel.ts';

function parseSourcesAndDest(req: ParseRequest, cmd: string): SourcesAndDest {
  const srcs = req.args.slice(0, -1);
  const destPath = req.args[req.args.length - 1];
  if (parseHeredoc(destPath) !== null) throw errBadHeredoc(cmd, 'a destination');

  // Bodies are looked up by name; a later heredoc with the same name wins.
  const bodies = new Map<string, string>();
  for (const h of req.heredocs) bodies.set(h.name, h.content);

  const sourcePaths: string[] = [];
  const sourceContents: SourceContent[] = [];
  for (const src of srcs) {
    const heredoc = parseHeredoc(src);
    if (heredoc === null) {
      sourcePaths.push(src);
      continue;
    }
    let data = bodies.get(heredoc.name) ?? '';
    if (heredoc.chomp) data = chompHeredocContent(data);
    sourceContents.push({ path: heredoc.name, data, expand: heredoc.expand });
  }
  return { destPath, sourcePaths, sourceContents };
}

/** Labs `--optional`; undeclared in stable, where upstream answers `unknown flag: optional`. */
function optionalFlag(req: ParseRequest): Flag | undefined {
  return isLabs(req.channel) ? req.flags.addBool('optional', false) : undefined;
}

export function parseAdd(req: ParseRequest): AddCommand {
  if (req.args.length < 2) throw errNoDestinationArgument('ADD');
  const f = req.flags;
  const chown = f.addString('chown', '');
  const chmod = f.addString('chmod', '');
  const link = f.addBool('link', false);
  const keepGitDir = f.addBool('keep-git-dir', false);
  const checksum = f.addString('checksum', '');
  const unpack = f.addBool('unpack', false);
  const exclude = f.addStrings('exclude');
  const optional = optionalFlag(req);
  f.parse();

  const sd = parseSourcesAndDest(req, 'ADD');
  return {
    kind: 'add',
    ...commandBase(req),
    ...sd,
    chown: chown.value,
    chmod: chmod.value,
    link: link.value === 'true',
    excludePatterns: [...exclude.values],
    // Left undefined when not given, so the converter can tell "unset" from "false".
    keepGitDir: f.isUsed('keep-git-dir') ? keepGitDir.value === 'true' : undefined,
    checksum: checksum.value,
    unpack: f.isUsed('unpack') ? unpack.value === 'true' : undefined,
    ...(optional ? { optional: optional.value === 'true' } : {}),
  };
}

export function parseCopy(req: ParseRequest): CopyCommand {
  if (req.args.length < 2) throw errNoDestinationArgument('COPY');
  const f = req.flags;
  const chown = f.addString('chown', '');
  const from = f.addString('from', '');
  const chmod = f.addString('chmod', '');
  const link = f.addBool('link', false);
  const exclude = f.addStrings('exclude');
  const parents = f.addBool('parents', false);
  const optional = optionalFlag(req);
  f.parse();

  const sd = parseSourcesAndDest(req, 'COPY');
  return {
    kind: 'copy',
    ...commandBase(req),
    ...sd,
    from: from.value,
    chown: chown.value,
    chmod: chmod.value,
    link: link.value === 'true',
    excludePatterns: [...exclude.values],
    parents: parents.value === 'true',
    ...(optional ? { optional: optional.value === 'true' } : {}),
  };
}
