// Instructions that carry a command line: RUN, CMD, ENTRYPOINT, HEALTHCHECK.

import { parseGoDuration } from '../../go/time.ts';
import { goQuote, int64Value, parseGoInt32 } from '../../go/strconv.ts';
import { errAtLeastOneArgument } from './messages.ts';
import { commandBase, type ParseRequest } from './request.ts';
import type { Flag } from './bflags.ts';
import { parseDevice } from './run-device.ts';
import { isLabs } from '../channel.ts';
import { parseMount } from './run-mount.ts';
import { goToUpper } from '../../go/strings.ts';
import type {
  CmdCommand,
  EntrypointCommand,
  HealthCheckCommand,
  HealthConfig,
  NetworkMode,
  RunCommand,
  SecurityMode,
  ShellDependentCmdLine,
} from './types.ts';

/** Exec form keeps the JSON array; shell form joins the words into one string. */
export function handleJSONArgs(args: readonly string[], json: boolean): string[] {
  if (args.length === 0) return [];
  if (json) return [...args];
  return [args.join(' ')];
}

function shellDependentCmdLine(req: ParseRequest, emptyAsNull: boolean): ShellDependentCmdLine {
  const args = handleJSONArgs(req.args, req.json);
  return {
    cmdLine: emptyAsNull && args.length === 0 ? null : args,
    files: req.heredocs.map((h) => ({ name: h.name, data: h.content, chomp: h.chomp })),
    prependShell: !req.json,
  };
}

const networkModes: readonly string[] = ['default', 'none', 'host'];
const securityModes: readonly string[] = ['insecure', 'sandbox'];

export function parseRun(req: ParseRequest): RunCommand {
  // Declared in upstream's hook order (device, mount, network, security),
  // which is also the order their values are validated in.
  const device = req.flags.addStrings('device');
  const mount = req.flags.addStrings('mount');
  const network = req.flags.addString('network', 'default');
  const security = req.flags.addString('security', 'sandbox');
  // Labs only: in stable the flag stays undeclared, so upstream's
  // `unknown flag: no-cache` is the answer.
  const noCache = isLabs(req.channel) ? req.flags.addBool('no-cache', false) : undefined;
  req.flags.parse();
  const flagsUsed = req.flags.used();
  const cmdLine = shellDependentCmdLine(req, false);

  const devices = device.values.map((v) => parseDevice(v));
  // Labs lets `from=` hold a variable (expanded in the stage's scope), but not in an ONBUILD trigger,
  // which has no such scope: there upstream's parse-time error stands.
  const mounts = mount.values.map((v) => parseMount(v, undefined, isLabs(req.channel) && req.onbuildTrigger !== true));
  if (!networkModes.includes(network.value)) throw new Error(`invalid network mode ${goQuote(network.value)}`);
  if (!securityModes.includes(security.value)) throw new Error(`security ${goQuote(security.value)} is not valid`);

  return {
    kind: 'run',
    ...commandBase(req),
    ...cmdLine,
    flagsUsed,
    mountSpecs: [...mount.values],
    mounts,
    network: network.value as NetworkMode,
    security: security.value as SecurityMode,
    devices,
    // Only the labs channel has the field: stable commands stay upstream's shape.
    ...(noCache ? { noCache: noCache.value === 'true' } : {}),
  };
}

export function parseCmd(req: ParseRequest): CmdCommand {
  req.flags.parse();
  return { kind: 'cmd', ...commandBase(req), ...shellDependentCmdLine(req, false) };
}

export function parseEntrypoint(req: ParseRequest): EntrypointCommand {
  req.flags.parse();
  return { kind: 'entrypoint', ...commandBase(req), ...shellDependentCmdLine(req, true) };
}

const nanosPerMillisecond = 1000000n;

/** A duration flag in nanoseconds; empty or zero means unset (0). */
function parseOptInterval(flag: Flag): number | bigint {
  if (flag.value === '') return 0;
  const d = parseGoDuration(flag.value);
  if (d === 0n) return 0;
  if (d < nanosPerMillisecond) throw new Error(`Interval ${goQuote(flag.name)} cannot be less than 1ms`);
  // Beyond 2^53 a number would lose nanoseconds that Go's time.Duration keeps.
  return int64Value(d);
}

export function parseHealthcheck(req: ParseRequest): HealthCheckCommand {
  if (req.args.length === 0) throw errAtLeastOneArgument('HEALTHCHECK');
  const base = commandBase(req);
  const typ = goToUpper(req.args[0]);
  const args = req.args.slice(1);
  const health: HealthConfig = { test: [], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };

  if (typ === 'NONE') {
    // Flags are never read for NONE, so they are ignored rather than rejected.
    if (args.length !== 0) throw new Error('HEALTHCHECK NONE takes no arguments');
    health.test = [typ];
    return { kind: 'healthcheck', ...base, health };
  }

  const f = req.flags;
  const interval = f.addString('interval', '');
  const timeout = f.addString('timeout', '');
  const startPeriod = f.addString('start-period', '');
  const startInterval = f.addString('start-interval', '');
  const retries = f.addString('retries', '');
  f.parse();

  if (typ !== 'CMD') throw new Error(`Unknown type ${goQuote(typ)} in HEALTHCHECK (try CMD)`);
  const cmd = handleJSONArgs(args, req.json);
  if (cmd.length === 0) throw new Error('Missing command after HEALTHCHECK CMD');
  health.test = [req.json ? typ : 'CMD-SHELL', ...cmd];

  health.interval = parseOptInterval(interval);
  health.timeout = parseOptInterval(timeout);
  health.startPeriod = parseOptInterval(startPeriod);
  health.startInterval = parseOptInterval(startInterval);
  if (retries.value !== '') {
    const n = parseGoInt32(retries.value);
    if (n < 0) throw new Error(`--retries cannot be negative (${n})`);
    health.retries = n;
  }
  return { kind: 'healthcheck', ...base, health };
}
