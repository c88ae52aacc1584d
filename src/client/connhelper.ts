// BuildKit's connection helpers (client/connhelper): addresses whose scheme
// names a command that reaches the daemon, `buildctl dial-stdio` run where
// the daemon is, its standard input and output being the connection:
//
//   docker-container://CONTAINER[?context=CTX]   docker [--context=CTX] exec -i CONTAINER buildctl dial-stdio
//   podman-container://CONTAINER                 podman exec -i CONTAINER buildctl dial-stdio
//   nerdctl-container://CONTAINER[?namespace=NS] nerdctl exec [--namespace NS] -i CONTAINER buildctl dial-stdio
//   kube-pod://POD[?context=&namespace=&container=]  kubectl --context=… --namespace=… exec --container=… -i POD -- buildctl dial-stdio
//   ssh://[USER@]HOST[:PORT][/SOCKET]            ssh [-l USER] [-p PORT] -- HOST buildctl [--addr unix:///SOCKET] dial-stdio
//
// gRPC and the session's own HTTP/2 connection both dial a socket, so a
// private listener (the Linux abstract namespace, else a socket file in a
// directory of its own) runs the command once per connection it accepts, as
// Go's client runs it once per dial, and relays the bytes.
import { createServer, type Server, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goParseQuery, goParseURL, goUnescape } from '../go/url.ts';
import { nodeChildProcess } from '../builtins.ts';

/** The command a helper address runs. */
export interface HelperCommand {
  cmd: string;
  args: string[];
}

/** Why an address is refused (url lacks container name, …). */
export class HelperAddressError extends Error {}

const KUBE_IDENTIFIER = /^[-a-z0-9.]+$/;

/** The host and port of URL.Host, as Go's Hostname() and Port() split them. */
function splitHostPort(hostPort: string): { host: string; port: string } {
  let host = hostPort;
  let port = '';
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && /^:\d*$/.test(host.slice(colon))) [host, port] = [host.slice(0, colon), host.slice(colon + 1)];
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return { host, port };
}

/** The command of a helper address, undefined when the scheme is none of the helpers'. */
export function helperCommand(address: string): HelperCommand | undefined {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(address)?.[1]?.toLowerCase();
  if (scheme === undefined || !['docker-container', 'podman-container', 'nerdctl-container', 'kube-pod', 'ssh'].includes(scheme)) return undefined;
  const u = goParseURL(address);
  if (u === undefined) throw new HelperAddressError(`invalid buildkitd address "${address}"`);
  const { host, port } = splitHostPort(u.host);
  const q = (key: string): string => goParseQuery(u.rawQuery).values.get(key)?.[0] ?? '';
  const dial = ['buildctl', 'dial-stdio'];
  switch (scheme) {
    case 'docker-container':
      if (host === '') throw new HelperAddressError('url lacks container name');
      return { cmd: 'docker', args: [...(q('context') !== '' ? [`--context=${q('context')}`] : []), 'exec', '-i', host, ...dial] };
    case 'podman-container':
      if (host === '') throw new HelperAddressError('url lacks container name');
      return { cmd: 'podman', args: ['exec', '-i', host, ...dial] };
    case 'nerdctl-container':
      if (host === '') throw new HelperAddressError('url lacks container name');
      return { cmd: 'nerdctl', args: ['exec', ...(q('namespace') !== '' ? ['--namespace', q('namespace')] : []), '-i', host, ...dial] };
    case 'kube-pod': {
      const [namespace, container] = [q('namespace'), q('container')];
      if (namespace !== '' && !KUBE_IDENTIFIER.test(namespace)) throw new HelperAddressError(`unsupported namespace name: "${namespace}"`);
      if (host === '') throw new HelperAddressError('url lacks pod name');
      if (!KUBE_IDENTIFIER.test(host)) throw new HelperAddressError(`unsupported pod name: "${host}"`);
      if (container !== '' && !KUBE_IDENTIFIER.test(container)) throw new HelperAddressError(`unsupported container name: "${container}"`);
      return { cmd: 'kubectl', args: [`--context=${q('context')}`, `--namespace=${namespace}`, 'exec', `--container=${container}`, '-i', host, '--', ...dial] };
    }
    default: {
      const authority = u.authority ?? '';
      const at = authority.lastIndexOf('@');
      const userinfo = at < 0 ? undefined : authority.slice(0, at);
      if (userinfo !== undefined && userinfo.includes(':')) throw new HelperAddressError('plain-text password is not supported');
      if (host === '') throw new HelperAddressError('no host specified');
      if (u.rawQuery !== '') throw new HelperAddressError(`extra query after the host: "${u.rawQuery}"`);
      if (u.fragment !== '') throw new HelperAddressError(`extra fragment after the host: "${u.fragment}"`);
      const user = userinfo === undefined ? '' : (goUnescape(userinfo) ?? userinfo);
      const args = [...(user !== '' ? ['-l', user] : []), ...(port !== '' ? ['-p', port] : []), '--', host, 'buildctl'];
      if (u.path !== '') args.push('--addr', `unix://${u.path}`);
      return { cmd: 'ssh', args: [...args, 'dial-stdio'] };
    }
  }
}

/** A listener whose connections each run the helper's command. */
export interface HelperRelay {
  /** The socket to dial (`\0NAME` in the abstract namespace, or a file). */
  socket: string;
  /** The last command that failed, as Go's commandconn describes it; undefined while none has. */
  failure(): string | undefined;
  /** Resolves with the first failure. */
  failed: Promise<string>;
  close(): void;
}

export async function helperRelay(helper: HelperCommand): Promise<HelperRelay> {
  let failure: string | undefined;
  let firstFailure: (why: string) => void = () => {};
  const failed = new Promise<string>((resolve) => (firstFailure = resolve));
  const children = new Set<import('node:child_process').ChildProcess>();
  const described = `command [${[helper.cmd, ...helper.args].join(' ')}]`;
  const server: Server = createServer({ allowHalfOpen: true }, (socket: Socket) => {
    const child = nodeChildProcess().spawn(helper.cmd, helper.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(child);
    const stderr: Buffer[] = [];
    child.stderr.on('data', (c: Buffer) => stderr.push(c));
    child.on('error', (e: NodeJS.ErrnoException) => {
      failure = e.code === 'ENOENT' ? `${described}: ${helper.cmd} is not installed or not on PATH` : `${described}: ${e.message}`;
      firstFailure(failure);
      socket.destroy();
    });
    let stopped = false;
    const stop = () => {
      stopped = true;
      child.kill();
    };
    child.on('exit', (code, signal) => {
      children.delete(child);
      // Whichever end closed first: a command that failed (not one this side stopped) is the reason to report.
      if (code !== 0 && !(stopped && code === null)) {
        const why = code !== null ? `exit status ${code}` : `signal ${signal}`;
        failure = `${described} has exited with ${why}: stderr=${Buffer.concat(stderr).toString().trim()}`;
        firstFailure(failure);
      }
      socket.destroy();
    });
    socket.on('error', stop);
    socket.on('close', stop);
    child.stdin.on('error', () => socket.destroy());
    socket.pipe(child.stdin);
    child.stdout.pipe(socket);
  });
  // Nothing here keeps the process alive: the connections do while they are open.
  server.unref();
  let dir: string | undefined;
  let socket: string;
  if (process.platform === 'linux') {
    socket = `\0dockerfile-llb-helper-${process.pid}-${Math.random().toString(36).slice(2)}`;
  } else {
    dir = mkdtempSync(join(tmpdir(), 'dockerfile-llb-helper-'));
    socket = join(dir, 'sock');
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  return {
    socket,
    failure: () => failure,
    failed,
    close: () => {
      server.close();
      for (const c of children) c.kill();
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}
