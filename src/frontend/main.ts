// The gateway frontend process: connect to BuildKit over stdin/stdout, Ping,
// build, Return the result or the error, exit. If the daemon goes away (the
// build is cancelled or the connection closes) the process says so on stderr
// and exits at once, leaving nothing behind.
import { capSet, ReportedCaps } from '../llb/index.ts';
import { LLBBridge } from './bridge.ts';
import { readGatewayEnv, type GatewayEnv } from './env.ts';
import { toStatus } from './errors.ts';
import { buildDockerfile, type Caps } from './dockerfile.ts';
import { stdioRelay } from './transport.ts';
import { earlyPrefaceSent } from './preface.ts';
import { setKey } from '../go/maps.ts';
import type * as gw from '../gen/moby.buildkit.v1.frontend.ts';
import type { APICap } from '../gen/moby.buildkit.v1.apicaps.ts';
import type { Readable, Writable } from 'node:stream';

/** Exit status when the daemon went away before the build was returned. */
export const EXIT_DISCONNECTED = 3;

/**
 * apicaps.CapError's text for an experimental gateway capability the daemon
 * lacks or has disabled; undefined when it is enabled.
 */
function gatewayCapError(reported: APICap[] | undefined, id: string, name: string, product: string): string | undefined {
  const state = (reported ?? []).find((c) => c.ID === id);
  if (state?.Enabled === true) return undefined;
  const head = `requested experimental feature ${id} (${name})`;
  if (state === undefined) return `${head} is not supported by build server, please update ${product}`;
  return `${head} has been disabled on the build server${state.DisabledReasonMsg ? `: ${state.DisabledReasonMsg}` : ''}`;
}

function enabled(caps: APICap[] | undefined): string[] {
  return (caps ?? []).filter((c) => c.Enabled === true && c.ID !== undefined).map((c) => c.ID!);
}

/**
 * A result as grpcclient returns it to a daemon without `proto.refarray`
 * (before BuildKit v0.6): each reference by its ID alone.
 */
function deprecatedRefs(res: gw.Result): gw.Result {
  const r = res.result;
  if (r?.case === 'ref') return { ...res, result: { case: 'refDeprecated', value: r.value.id ?? '' } };
  if (r?.case !== 'refs') return res;
  const refs: { [key: string]: string } = {};
  for (const [k, v] of Object.entries(r.value.refs ?? {})) setKey(refs, k, v.id ?? '');
  return { ...res, result: { case: 'refsDeprecated', value: { refs } } };
}

function log(msg: string): void {
  process.stderr.write(`dockerfile-llb frontend: ${msg}\n`);
}

/** Where the daemon is and the environment it gave: by default this process's own. */
export interface GatewayIO {
  /** What the daemon writes (standard input). */
  input: Readable;
  /** What the daemon reads (standard output). */
  output: Writable;
  env: NodeJS.ProcessEnv;
  /** The entry point has written the HTTP/2 preface to `output` already (preface.ts). */
  earlyPreface?: boolean;
}

/**
 * One build through the gateway API, as Go's grpcclient Run does: Ping (with
 * Inputs alongside), build, Return the result or the error. 0 when the
 * result or error was returned, 1 when the daemon could not be told.
 */
export type BuildFunc = (bridge: LLBBridge, env: GatewayEnv, caps: Caps, inputs: Promise<gw.InputsResponse>) => Promise<gw.Result>;

export async function buildAndReturn(bridge: LLBBridge, env: GatewayEnv, say: (msg: string) => void, build: BuildFunc = buildDockerfile): Promise<number> {
  // Inputs is asked for alongside Ping (one round trip less before the
  // Dockerfile is read); its answer is used only if the caps allow it.
  const inputs = bridge.inputs();
  inputs.catch(() => {});
  let pong: gw.PongResponse;
  try {
    pong = await bridge.ping();
  } catch (err) {
    say(`failed to ping BuildKit: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const llbCaps = new ReportedCaps(pong.LLBCaps, env.product);
  const caps: Caps = { gateway: capSet(enabled(pong.FrontendAPICaps)), llb: llbCaps };
  // Definitions are checked against them before each Solve, as Go's gateway client checks them.
  bridge.llbCaps = llbCaps;
  for (const k of ['cache-imports', 'cache-from']) {
    const v = env.opts.get(k);
    if (v !== undefined) bridge.solveOpts[k] = v;
  }
  let req: gw.ReturnRequest;
  try {
    const result = await build(bridge, env, caps, inputs);
    // Go's gateway client refuses to return several references to a daemon without `returnmap`.
    const refs = result.result?.case === 'refs' ? Object.keys(result.result.value.refs ?? {}).length : 0;
    const noMap = refs > 1 ? gatewayCapError(pong.FrontendAPICaps, 'returnmap', 'return reference map', env.product) : undefined;
    if (noMap !== undefined) throw new Error(noMap);
    req = { result: caps.gateway.supports('proto.refarray') ? result : deprecatedRefs(result) };
  } catch (err) {
    req = { error: toStatus(err) };
  }
  try {
    await bridge.return(req);
  } catch (err) {
    say(`failed to return the result: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  return 0;
}

export async function runGateway(io: GatewayIO = { input: process.stdin, output: process.stdout, env: process.env, earlyPreface: earlyPrefaceSent() }): Promise<number> {
  // Standard output is the gRPC stream; nothing else may be written there.
  console.log = (...args: unknown[]) => process.stderr.write(args.map(String).join(' ') + '\n');
  const relay = await stdioRelay(io.input, io.output, io.earlyPreface === true);
  const bridge = new LLBBridge(relay.target);
  let finished = false;

  const disconnected = relay.closed.then((reason) => {
    if (finished) return 0;
    log(`${reason}; exiting`);
    return EXIT_DISCONNECTED;
  });
  const onSignal = (sig: NodeJS.Signals) => {
    log(`received ${sig}; exiting`);
    bridge.close();
    relay.close();
    process.exit(128 + (sig === 'SIGINT' ? 2 : 15));
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);

  const work = buildAndReturn(bridge, readGatewayEnv(io.env), log).then((code) => {
    if (code === 0) finished = true;
    return code;
  });

  const code = await Promise.race([work, disconnected]);
  finished = true;
  process.off('SIGTERM', onSignal);
  process.off('SIGINT', onSignal);
  bridge.close();
  relay.close();
  return code;
}
