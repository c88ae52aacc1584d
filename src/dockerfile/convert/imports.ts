// Labs stages from another Dockerfile (docs/labs.md): `FROM ./other.Dockerfile#stage`,
// `COPY --from=./other.Dockerfile#stage`, `RUN --mount=from=./other.Dockerfile#stage`.
// The other file is converted as a Dockerfile of its own (its own global
// ARGs and stage names; the same build args and platforms), for the stage
// named (its last stage without `#stage`); the result is used as an image
// would be (its state and image config). One build converts each file, stage
// and platform once, however often it is used.

import { DockerfileError, type LineRange, type SourceFile } from '../errors.ts';
import { cleanRelative, dirOf } from './include.ts';
import { formatPlatformAll, type Platform } from './platform.ts';
import type { ConvertOptions, ConvertResult, ImportedStage, ImportScope } from './types.ts';

/** What one build's conversions share, made by the top-level one (`filename`: the Dockerfile's name). */
export function newImportScope(filename: string): ImportScope {
  return { cache: new Map(), chain: [filename], added: { instructions: 0 } };
}

/** Whether a FROM base or a --from value names a stage of another Dockerfile: it starts with `./`. */
export function isFileReference(name: string): boolean {
  return name.startsWith('./');
}

type Convert = (data: Uint8Array, opt: ConvertOptions) => Promise<ConvertResult>;

/** The top directory of a conversion: the Dockerfile's directory in its name, '' for none. */
function topDir(filename: string): string {
  return filename.includes('/') ? dirOf(filename) : '';
}

/**
 * Converts the stage `spec` names (`./path[#stage]`, relative to the file of
 * `location`) for `platform`, once per build.
 */
export function importStage(convert: Convert, opt: ConvertOptions, spec: string, platform: Platform, location: LineRange | undefined): Promise<ImportedStage> {
  const hash = spec.indexOf('#');
  const path = hash < 0 ? spec : spec.slice(0, hash);
  const stage = hash < 0 ? '' : spec.slice(hash + 1);
  const filename = opt.filename ?? 'Dockerfile';
  const top = topDir(filename);
  const fail = (msg: string): DockerfileError => new DockerfileError(`${spec}: ${msg}`, location ? [location] : []);
  if (hash >= 0 && stage === '') throw fail('no stage name after #');
  // The path is relative to the file the reference is in (an included file's directory, else the Dockerfile's).
  const inFile = location?.file?.name;
  const dir = inFile === undefined ? '' : dirOf(top === '' ? inFile : inFile.slice(top.length + 1));
  const rel = cleanRelative(dir === '' ? path : `${dir}/${path}`);
  if (rel === '') throw fail("the path leaves the Dockerfile's directory");
  const name = top === '' ? rel : `${top}/${rel}`;
  // convertDockerfile gives every labs conversion its build's scope; one made here would convert again what the
  // build has converted (and count apart from its limit).
  const scope = opt.imports;
  if (scope === undefined) throw new Error('importStage: the conversion has no import scope');
  if (scope.chain.includes(name)) throw fail(`import cycle: ${[...scope.chain, name].join(' -> ')}`);
  const key = `${name}#${stage}@${formatPlatformAll(platform)}`;
  let done = scope.cache.get(key);
  if (done === undefined) {
    done = load(convert, opt, scope, { rel, name, stage, platform }, fail);
    scope.cache.set(key, done);
  }
  return done;
}

async function load(
  convert: Convert,
  opt: ConvertOptions,
  scope: ImportScope,
  f: { rel: string; name: string; stage: string; platform: Platform },
  fail: (msg: string) => DockerfileError,
): Promise<ImportedStage> {
  const read = opt.readInclude;
  if (read === undefined) throw fail('no file can be read here');
  let data: Uint8Array | undefined;
  try {
    data = await read(f.rel);
  } catch (err) {
    throw fail(`${f.name}: ${(err as Error).message}`);
  }
  if (data === undefined) throw fail(`${f.name}: no such file`);
  const relDir = dirOf(f.rel);
  const self: SourceFile = { name: f.name, data, escapeToken: '\\' };
  let res: ConvertResult;
  try {
    res = await convert(data, {
      ...opt,
      target: f.stage,
      targetPlatform: f.platform,
      filename: f.name,
      // The other file reads its own includes and imports relative to itself.
      readInclude: (p) => read(relDir === '' ? p : `${relDir}/${p}`),
      importedAs: self,
      imports: { cache: scope.cache, chain: [...scope.chain, f.name], added: scope.added },
      // The other file's own tree (the caller's parse is of the importing file), and only the
      // image of the build's target takes the label: options.
      ast: undefined,
      labels: undefined,
      allStages: false,
    });
  } catch (err) {
    // An error inside the other file keeps its location there; one about the file as a whole (no such stage) is the reference's.
    if (err instanceof DockerfileError && err.ranges.length > 0) throw err;
    throw fail((err as Error).message);
  }
  return { state: res.state, image: res.image, target: res.target };
}
