// The rules of the opt-in lint pack `best-practices`: names, descriptions,
// documentation pages (docs/rules/<Name>.md) and how each words its
// finding, in the style of BuildKit's own rules. Each names the hadolint
// rule it corresponds to.

import type { Rule } from '../dockerfile/lint/rules.ts';

export const PACK_NAME = 'best-practices';

export interface PackRule<A extends unknown[] = never[]> extends Rule<A> {
  /** The hadolint rule(s) with the same intent. */
  readonly hadolint: readonly string[];
}

const DOCS = 'docs/rules/';

function rule<A extends unknown[]>(name: string, hadolint: string[], description: string, format: (...args: A) => string): PackRule<A> {
  return { name, description, url: `${DOCS}${name}.md`, experimental: false, format, hadolint };
}

export const GlobalArgNotInScope = rule(
  'GlobalArgNotInScope',
  [],
  'A global ARG is not in scope in a stage that does not declare it again',
  (name: string, keyword: string) => `Global ARG '${name}' is not declared in this stage; '$${name}' is empty in ${keyword} (add 'ARG ${name}')`,
);

export const PackageVersionUnpinned = rule(
  'PackageVersionUnpinned',
  ['DL3008', 'DL3018', 'DL3013', 'DL3016', 'DL3028'],
  'Package installs should pin versions',
  (command: string, packages: string[]) => `Pin versions in '${command}': ${packages.map((p) => `'${p}'`).join(', ')}`,
);

export const PipefailMissing = rule(
  'PipefailMissing',
  ['DL4006'],
  "A pipe in RUN should run with 'pipefail'",
  () => "RUN has a pipe but no 'pipefail': a failure before the last command of the pipe does not fail the build",
);

export const AptGetNoInstallRecommends = rule(
  'AptGetNoInstallRecommends',
  ['DL3015'],
  "'apt-get install' should use '--no-install-recommends'",
  () => "'apt-get install' without '--no-install-recommends' also installs recommended packages",
);

export const AptGetListsNotRemoved = rule(
  'AptGetListsNotRemoved',
  ['DL3009'],
  "The apt lists should be removed in the RUN that fetches them",
  () => "'apt-get' lists are left in the layer (remove /var/lib/apt/lists/* in the same RUN, or use a cache mount)",
);

export const ApkAddNoCache = rule(
  'ApkAddNoCache',
  ['DL3019'],
  "'apk add' should use '--no-cache'",
  () => "'apk add' without '--no-cache' leaves the package index in the layer",
);

export const PipNoCacheDir = rule(
  'PipNoCacheDir',
  ['DL3042'],
  "'pip install' should use '--no-cache-dir' unless the cache is a cache mount",
  () => "'pip install' without '--no-cache-dir' leaves pip's cache in the layer",
);

export const CdInsteadOfWorkdir = rule(
  'CdInsteadOfWorkdir',
  ['DL3003'],
  "Use WORKDIR to switch to a directory, not 'cd'",
  (dir: string) => `Use WORKDIR instead of 'cd${dir === '' ? '' : ' ' + dir}'`,
);

export const BaseImageUnpinned = rule(
  'BaseImageUnpinned',
  ['DL3006', 'DL3007'],
  "Base images should have an explicit tag other than 'latest'",
  (image: string, latest: boolean) =>
    latest ? `Base image '${image}' uses the 'latest' tag; pin a version` : `Base image '${image}' has no tag; tag the version explicitly`,
);

export const FinalUserRoot = rule(
  'FinalUserRoot',
  ['DL3002'],
  'The last USER of the final stage should not be root',
  (user: string) => `The final stage's last USER is '${user}': the container runs as root`,
);

export const ConsecutiveRunInstructions = rule(
  'ConsecutiveRunInstructions',
  ['DL3059'],
  'Consecutive RUN instructions could be one',
  () => 'Consecutive RUN instructions with the same options; consider joining them (fewer layers)',
);

export const PACK_RULES: readonly PackRule<never[]>[] = [
  GlobalArgNotInScope,
  PackageVersionUnpinned,
  PipefailMissing,
  AptGetNoInstallRecommends,
  AptGetListsNotRemoved,
  ApkAddNoCache,
  PipNoCacheDir,
  CdInsteadOfWorkdir,
  BaseImageUnpinned,
  FinalUserRoot,
  ConsecutiveRunInstructions,
] as unknown as PackRule<never[]>[];
