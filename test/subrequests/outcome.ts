// A subrequest's answer, ours and upstream's, in one comparable shape: the
// result metadata, or the error's message and the Dockerfile locations of
// its errdefs.Source details.
import { convertOptions, parseConfig } from '../../src/dockerui/index.ts';
import { buildArgCheckConfig } from '../../src/dockerfile/lint/config.ts';
import { parseSBOMConfig } from '../../src/frontend/sbom.ts';
import { handleSubrequest } from '../../src/frontend/subrequests.ts';
import { toStatus } from '../../src/frontend/errors.ts';
import type { ImageResolver } from '../../src/registry/resolver.ts';
import type { Channel } from '../../src/dockerfile/channel.ts';

/** Each errdefs.Source's ranges as [start line, end line] pairs. */
export type Locations = [number, number][][];
export type Outcome = { metadata: Record<string, string> } | { error: string; locations: Locations };

export interface JsonRange {
  start?: { line?: number };
  end?: { line?: number };
}

export function lines(ranges: JsonRange[]): [number, number][] {
  return ranges.map((r) => [r.start?.line ?? 0, r.end?.line ?? 0]);
}

/** The session id the oracle's gateway reports (its --session-id default), which local sources name. */
const ORACLE_SESSION = 'oracle-session';

/**
 * An error message with the rules of a lint violation in it sorted: upstream
 * lists them from a Go map, in a random order each run (compared as a set).
 */
export function violationRulesSorted(message: string): string {
  return message.replace(/lint violation found for rules: ([^\n]*)/g, (_m, rules: string) => `lint violation found for rules: ${rules.split(', ').sort().join(', ')}`);
}

/** The oracle's `subrequest` answer (one line of JSON) as an Outcome; undefined when the oracle itself failed. */
export function upstreamOutcome(line: string): Outcome | undefined {
  const raw = JSON.parse(line) as { metadata?: Record<string, string>; error?: { message: string; locations: JsonRange[][] }; oracleError?: string };
  if (raw.oracleError !== undefined) return undefined;
  if (raw.error !== undefined) return { error: raw.error.message, locations: raw.error.locations.map(lines) };
  return { metadata: raw.metadata ?? {} };
}

/**
 * An answer with what upstream makes random put in order: a convertllb answer's progress groups' ids
 * (random per build, for COPY --link) numbered in order of first appearance (which ops share a group
 * is still compared), and the rules a lint violation lists sorted.
 */
export function normalized(o: Outcome): Outcome {
  if ('error' in o) return { ...o, error: violationRulesSorted(o.error) };
  const json = o.metadata['result.json'];
  if (json === undefined) return o;
  const ids = new Map<string, number>();
  const text = json.replace(/("progress_group": \{\s*"id": ")([0-9a-z]{25})"/g, (_, head: string, id: string) => {
    if (!ids.has(id)) ids.set(id, ids.size);
    return `${head}group-${ids.get(id)}"`;
  });
  return { metadata: { ...o.metadata, 'result.json': text } };
}

/** Keys sorted: the oracle prints metadata as a Go map (sorted), ours keeps upstream's insertion order. */
export function canon(o: Outcome): string {
  return JSON.stringify('error' in o ? o : Object.fromEntries(Object.entries(o.metadata).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/**
 * The request answered as src/frontend/dockerfile.ts answers it: the options
 * parsed as dockerui's client parses them as it starts (a bad one fails the
 * request), then the subrequest with the build's convert options, no
 * target platform and a Warn (whose findings are the daemon's to show); the metadata it Returns, or its error's status.
 */
export async function oursOutcome(request: string, data: Uint8Array, opts: ReadonlyMap<string, string>, resolver: ImageResolver, channel: Channel = 'stable'): Promise<Outcome> {
  try {
    const cfg = parseConfig(opts, undefined, channel);
    parseSBOMConfig(opts);
    buildArgCheckConfig(cfg.buildArgs);
    const res = await handleSubrequest(request, {
      data,
      sourceInfo: { filename: 'Dockerfile', data, language: 'Dockerfile' },
      convertOptions: { ...convertOptions(cfg, { resolver }, { sessionId: ORACLE_SESSION }), buildArgs: { ...cfg.buildArgs }, targetPlatform: undefined, lintWarn: () => {} },
    });
    const metadata: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.metadata ?? {})) metadata[k] = Buffer.from(v).toString('utf8');
    return { metadata };
  } catch (err) {
    const status = toStatus(err);
    const locations = (status.details ?? [])
      .filter((d) => d.type_url?.endsWith('errdefs.Source+json'))
      .map((d) => lines((JSON.parse(Buffer.from(d.value ?? []).toString('utf8')) as { ranges?: JsonRange[] }).ranges ?? []));
    return { error: status.message ?? '', locations };
  }
}
