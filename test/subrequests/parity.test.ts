// Live parity with upstream for the subrequests the Dockerfile frontend
// advertises: every Dockerfile under testdata/subrequests is outlined (with
// no options and with the extra cases of cases.json) and listed as targets
// by our gateway's subrequest handler and by BuildKit v0.32.2's own frontend
// (the Go oracle's `subrequest`), and describe is asked once. A case is
// identical when every metadata entry (result.json, result.txt, version) is
// byte-for-byte the same, or when both fail with the same message and the
// same Dockerfile locations (errdefs.Source details: upstream's subrequest
// errors have none, so a client shows no Dockerfile excerpt).
// The same again through our labs channel against upstream's labs build
// (`subrequests parity, labs`), a variable --from / from= (a labs feature of
// ours, test/labs/by-design.ts) counted apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goAvailable, runOracle, type OracleChannel } from '../oracle/oracle.ts';
import { labsByDesign } from '../labs/by-design.ts';
import { MetadataFileResolver } from '../../src/registry/metadata-file.ts';
import { DEEP_GRAPHS, writeDeepGraphs } from '../convert/deep-graphs.ts';
import { canon, lines, oursOutcome, type JsonRange, type Outcome } from './outcome.ts';

const dir = join('testdata', 'subrequests');
const imagesFile = join(dir, 'images.json');
const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

interface OutlineCase {
  target?: string;
  buildArgs?: Record<string, string>;
  /** Other frontend options, e.g. `context:NAME` named contexts. */
  opts?: Record<string, string>;
}


function oracle(channel: OracleChannel, request: string, file: string, c: OutlineCase = {}): Outcome {
  const args = ['subrequest', '--request', request, '-f', file, '--image-metadata', imagesFile];
  if (c.target) args.push('--target', c.target);
  for (const [k, v] of Object.entries(c.buildArgs ?? {})) args.push('--build-arg', `${k}=${v}`);
  for (const [k, v] of Object.entries(c.opts ?? {})) args.push('--opt', `${k}=${v}`);
  const out = JSON.parse(runOracle(args, undefined, channel).toString('utf8')) as {
    metadata?: Record<string, string>;
    error?: { message: string; locations: JsonRange[][] };
  };
  if (out.error !== undefined) return { error: out.error.message, locations: out.error.locations.map(lines) };
  return { metadata: out.metadata ?? {} };
}

/** The frontend options of a case. */
function caseOptions(c: OutlineCase): Map<string, string> {
  const opts = new Map(Object.entries(c.opts ?? {}));
  if (c.target !== undefined) opts.set('target', c.target);
  for (const [k, v] of Object.entries(c.buildArgs ?? {})) opts.set(`build-arg:${k}`, v);
  return opts;
}

/** The request answered by our gateway's handler (what the frontend Returns: metadata, or the error's status). */
function ours(channel: OracleChannel, request: string, data: Uint8Array, resolver: MetadataFileResolver, c: OutlineCase = {}): Promise<Outcome> {
  return oursOutcome(request, data, caseOptions(c), resolver, channel);
}

test('subrequests parity with upstream (outline, targets, describe)', { skip }, () => compareChannel('stable'));
test('subrequests parity with upstream\'s labs build, through our labs channel', { skip }, () => compareChannel('labs'));

async function compareChannel(channel: OracleChannel): Promise<void> {
  const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as Record<string, OutlineCase[]>;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.Dockerfile'))
    .sort();
  assert.ok(files.length >= 30, `expected at least 30 Dockerfiles, found ${files.length}`);
  const resolver = MetadataFileResolver.fromFile(imagesFile);

  const asked: { name: string; want: Outcome; got: Outcome; data?: Uint8Array }[] = [];
  const describe = 'frontend.subrequests.describe';
  asked.push({ name: 'describe', want: oracle(channel, describe, join(dir, files[0])), got: await ours(channel, describe, readFileSync(join(dir, files[0])), resolver) });
  // Graphs deeper than the JavaScript stack (test/convert/deep-graphs.ts), outlined too.
  const deep = writeDeepGraphs();
  for (const name of Object.keys(DEEP_GRAPHS)) {
    const path = join(deep, `${name}.Dockerfile`);
    asked.push({ name: `outline ${name} (generated)`, want: oracle(channel, 'frontend.outline', path), got: await ours(channel, 'frontend.outline', readFileSync(path), resolver) });
  }
  for (const f of files) {
    const path = join(dir, f);
    const data = readFileSync(path);
    asked.push({ name: `targets ${f}`, want: oracle(channel, 'frontend.targets', path), got: await ours(channel, 'frontend.targets', data, resolver), data });
    for (const c of [{}, ...(cases[f] ?? [])] as OutlineCase[]) {
      const got = await ours(channel, 'frontend.outline', data, resolver, c);
      asked.push({ name: `outline ${f} ${JSON.stringify(c)}`, want: oracle(channel, 'frontend.outline', path, c), got, data });
    }
  }
  // Labs: where upstream's labs build refuses a variable --from / from= that ours accepts by design.
  const isByDesign = (r: (typeof asked)[number]): boolean => channel === 'labs' && r.data !== undefined && 'error' in r.want && labsByDesign(r.want.error, r.data);
  const results = asked.filter((r) => !isByDesign(r));
  const byDesign = asked.length - results.length;

  const differing = results.filter((r) => canon(r.want) !== canon(r.got));
  for (const d of differing) {
    console.log(`--- ${d.name}\nupstream: ${JSON.stringify(d.want)}\nours:     ${JSON.stringify(d.got)}`);
  }
  const errors = results.filter((r) => 'error' in r.want);
  for (const e of errors) console.log(`upstream error (${e.name}): ${(e.want as { error: string }).error}`);
  const label = channel === 'labs' ? 'subrequests parity, labs' : 'subrequests parity';
  const designed = channel === 'labs' ? `; ${byDesign} with a variable --from / from=, which labs accepts by design, left out` : '';
  console.log(`${label}: ${results.length - differing.length}/${results.length} identical (${errors.length} upstream errors among them${designed})`);
  assert.deepEqual(
    differing.map((d) => d.name),
    [],
  );
}
