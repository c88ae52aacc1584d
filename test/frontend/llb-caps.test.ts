// The daemon's LLB capabilities as Go's gateway client reads them: before
// each Solve, grpcclient checks every capability a Definition's ops record
// against pb.Caps.CapSet(Ping's LLBCaps) and fails with apicaps.CapError
// when one is missing or disabled (an older daemon: BuildKit v0.12 has no
// `source.git.mtime`, which a git context with SOURCE_DATE_EPOCH needs).
// ReportedCaps against the oracle's `cap-error` (upstream's own CapSet), and
// the frontend process against upstream's frontend binary, both driven by
// the same fake daemon whose Ping leaves a capability out. Also the result's
// references for a daemon without the gateway's `proto.refarray`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { goAvailable, runOracleLines } from '../oracle/oracle.ts';
import { ReportedCaps, Caps, type ReportedCap } from '../../src/llb/caps.ts';
import { encodeMessage } from '../../src/protobuf/encode.ts';
import * as gw from '../../src/gen/moby.buildkit.v1.frontend.ts';
import { binDir, inCI } from '../e2e/harness.ts';
import { runFrontend, type FrontendRun, type Script } from './fake-daemon.ts';

const skipOracle = !goAvailable() && !inCI ? 'Go is not installed' : false;
const upstreamBinary = join(binDir, 'dockerfile-frontend');
const skipUpstream = !existsSync(upstreamBinary) && !inCI ? 'run scripts/e2e/build-buildkit.sh first (upstream’s frontend binary)' : false;
const skipBundle = !existsSync(join('dist', 'dockerfile-llb.js')) ? 'run `npm run build` first' : false;

test('ReportedCaps: each capability supported or refused with the words of upstream’s CapSet', { skip: skipOracle }, () => {
  const [declaredLine] = runOracleLines('cap-error', [{ declared: true }]);
  const declared = (JSON.parse(declaredLine!) as { declared: string[] }).declared;
  assert.ok(declared.length > 80, `only ${declared.length} declared capabilities`);
  // Every capability the SDK records is one upstream declares.
  for (const id of Object.values(Caps)) assert.ok(declared.includes(id), `${id} is not declared upstream`);

  const all = declared.map((ID) => ({ ID, Enabled: true }));
  const reportedSets: ReportedCap[][] = [
    [],
    all,
    // A daemon that has some and has disabled some (with and without a reason).
    all
      .filter((_, i) => i % 3 !== 0)
      .map((c, i) => (i % 5 === 0 ? { ID: c.ID, Enabled: false, DisabledReasonMsg: i % 2 === 0 ? 'turned off here' : '' } : c)),
    // Reported twice: the last one counts.
    [{ ID: 'mergeop', Enabled: true }, { ID: 'mergeop', Enabled: false }, { ID: 'file.base', Enabled: false }, { ID: 'file.base', Enabled: true }],
    // What the daemon reports that the client does not declare.
    [{ ID: 'file.copy.modestring', Enabled: true }, { ID: 'not.a.cap', Enabled: true }],
  ];
  const ids = [...declared, 'file.copy.modestring', 'exec.meta.removemountstubs.recursive', 'not.a.cap', '', '__proto__', 'constructor'];
  const products = ['', 'buildkit', 'docker', 'constructor'];
  const cases: { id: string; reported: ReportedCap[]; product: string }[] = [];
  for (const reported of reportedSets) for (const product of products) for (const id of ids) cases.push({ id, reported, product });
  const answers = runOracleLines('cap-error', cases);
  const differing: string[] = [];
  cases.forEach((c, i) => {
    const want = (JSON.parse(answers[i]!) as { error: string | null }).error ?? undefined;
    const got = new ReportedCaps(c.reported, c.product).unsupported(c.id);
    if (got !== want) differing.push(`${JSON.stringify(c.id)} (product ${JSON.stringify(c.product)}, ${c.reported.length} reported): ours ${JSON.stringify(got)}, upstream ${JSON.stringify(want)}`);
  });
  assert.deepEqual(differing.slice(0, 10), []);
  assert.ok(cases.length > 1500);
});

const GATEWAY_CAPS = ['frontend.inputs', 'source.metaresolver', 'readfile', 'readdir', 'statfile', 'resolveimage', 'resolveimage.resolvemode', 'solve.base', 'gateway.warnings', 'return', 'returnmap', 'proto.refarray'];

/**
 * The fake daemon's Ping answer with the LLB capabilities changed by `edit`
 * (and the gateway's, by `editGateway`); every other call answered as the
 * rehearsal answers it.
 */
function pingWith(edit: (caps: ReportedCap[]) => ReportedCap[], editGateway: (caps: string[]) => string[] = (c) => c): Script {
  const caps = edit(Object.values(Caps).map((ID) => ({ ID, Enabled: true })));
  const gateway = editGateway(GATEWAY_CAPS);
  return (method) =>
    method === 'Ping'
      ? { kind: 'answer', answer: { message: encodeMessage(gw.PongResponse, { FrontendAPICaps: gateway.map((ID) => ({ ID, Enabled: true })), LLBCaps: caps }) } }
      : { kind: 'default' };
}

const without = (id: string) => (caps: ReportedCap[]) => caps.filter((c) => c.ID !== id);
const disabled = (id: string, msg: string) => (caps: ReportedCap[]) => caps.map((c) => (c.ID === id ? { ID: id, Enabled: false, DisabledReasonMsg: msg } : c));

const CASES: { name: string; edit: (caps: ReportedCap[]) => ReportedCap[]; product: string }[] = [
  // The Dockerfile's own local source records it: the read of the Dockerfile fails.
  { name: 'no source.local.sharedkeyhint', edit: without('source.local.sharedkeyhint'), product: 'buildkit' },
  { name: 'source.local.followpaths disabled', edit: disabled('source.local.followpaths', 'not here'), product: 'buildkit' },
  // The build's own Definition (its file ops): the final Solve fails.
  { name: 'no file.base (a prerelease capability with a hint)', edit: without('file.base'), product: 'docker' },
  { name: 'no exec.meta.base, no product', edit: without('exec.meta.base'), product: '' },
  // Left out but not needed (COPY --link falls back to a copy): the build succeeds.
  { name: 'no mergeop', edit: without('mergeop'), product: 'buildkit' },
];

for (const c of CASES) {
  test(`a daemon with ${c.name}: the frontend returns what upstream’s returns`, { skip: skipUpstream || skipBundle, timeout: 60_000 }, async () => {
    const env = { BUILDKIT_EXPORTEDPRODUCT: c.product };
    const ours = await runFrontend(pingWith(c.edit), { env });
    const up = await runFrontend(pingWith(c.edit), { env, command: [upstreamBinary] });
    assert.equal(up.timedOut || ours.timedOut, false);
    assert.ok(up.returned !== undefined, `upstream returned nothing: ${up.stderr}`);
    assert.ok(ours.returned !== undefined, `ours returned nothing: ${ours.stderr}`);
    const errorOf = (r: gw.ReturnRequest) => (r.error === undefined ? undefined : { code: r.error.code ?? 0, message: r.error.message ?? '' });
    assert.deepEqual(errorOf(ours.returned), errorOf(up.returned));
    if (c.name === 'no mergeop') assert.equal(errorOf(up.returned), undefined, 'upstream built');
    else assert.match(errorOf(up.returned)?.message ?? '', /feature/, 'upstream failed on the capability');
  });
}

// Before `proto.refarray` (BuildKit v0.6) a daemon took a result's references by their IDs alone.
for (const platforms of ['', 'linux/amd64,linux/arm64']) {
  test(`a daemon without proto.refarray gets the result as upstream returns it${platforms ? ' (two platforms)' : ''}`, { skip: skipUpstream || skipBundle, timeout: 60_000 }, async () => {
    const script = pingWith((c) => c, (g) => g.filter((id) => id !== 'proto.refarray'));
    const env: Record<string, string> = platforms ? { BUILDKIT_FRONTEND_OPT_0: `platform=${platforms}` } : {};
    const ours = await runFrontend(script, { env });
    const up = await runFrontend(script, { env, command: [upstreamBinary] });
    assert.ok(up.returned?.result !== undefined, `upstream returned no result: ${up.stderr}`);
    // A reference is named by the Solve that made it: with two platforms the Solves race, in upstream's frontend as in ours.
    const shape = (run: FrontendRun) => {
      const result = run.returned?.result?.result;
      const named = (id: string) => run.solved[id] ?? `not solved: ${id}`;
      const refs =
        result?.case === 'refsDeprecated'
          ? { case: result.case, refs: Object.fromEntries(Object.entries(result.value.refs ?? {}).map(([p, id]) => [p, named(id)])) }
          : result?.case === 'refDeprecated'
            ? { case: result.case, ref: named(result.value) }
            : result;
      return { refs, metadata: Object.keys(run.returned?.result?.metadata ?? {}).sort() };
    };
    assert.deepEqual(shape(ours), shape(up));
    assert.equal(up.returned.result.result?.case, platforms ? 'refsDeprecated' : 'refDeprecated');
  });
}
