// Hostile inputs through the frontend process (bench/hostile.ts's gateway
// probes): ours (`node dist/dockerfile-llb.js frontend`, the image's entry
// point) and upstream's frontend binary, each driven by a scripted daemon
// (test/frontend/fake-daemon.ts) over its standard input and output, and
// timed with /usr/bin/time. What the offline CLI never reaches is measured
// here: the options the daemon passes in the environment, SOURCE_DATE_EPOCH
// from an HTTP source's archive, the lint subrequest, Warn calls, named
// contexts loaded through Solve and ReadFile.
//
// The daemon answers every image from testdata/convert/image-metadata.json
// (or the probe's own), every Solve with a reference named after its
// definition, every ReadFile of the Dockerfile, its .dockerignore or a
// probe's file, and an HTTP source's metadata without Last-Modified. Both
// sides' Returns are compared (their result, or their error's text).

import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { encodeMessage } from '../src/protobuf/encode.ts';
import { decodeMessage } from '../src/protobuf/decode.ts';
import * as gw from '../src/gen/moby.buildkit.v1.frontend.ts';
import { Caps } from '../src/llb/caps.ts';
import { runFrontend, type Action } from '../test/frontend/fake-daemon.ts';

export interface GatewayProbe {
  dockerfile: string;
  /** Frontend options, as the daemon passes them (BUILDKIT_FRONTEND_OPT_<i>). */
  opts: string[];
  dockerignore?: string;
  /** Files ReadFile answers by path (an HTTP source's file is read as `context` or its name). */
  files?: Record<string, Uint8Array>;
  /** More base images: the reference (normalized) and the config's JSON text. */
  images?: Record<string, string>;
}

export interface GatewayRun {
  seconds: number;
  kib: number;
  status: string;
  /** The Return, as text: the comparison between the two sides. */
  returned: string;
}

const GATEWAY_CAPS = ['solve.base', 'resolveimage', 'resolveimage.resolvemode', 'readfile', 'return', 'returnmap', 'readdir', 'statfile', 'importcaches', 'proto.refarray', 'reference.output', 'frontend.inputs', 'gateway.solve.metadata', 'gateway.solve.evaluate', 'gateway.warnings', 'frontend.caps', 'source.metaresolver'];

const known = JSON.parse(readFileSync(join('testdata', 'convert', 'image-metadata.json'), 'utf8')) as Record<string, { config: unknown; digest: string }>;

const answer = <T>(d: Parameters<typeof encodeMessage<T>>[0], v: T): Action => ({ kind: 'answer', answer: { message: encodeMessage(d, v) } });
const notFound = (what: string): Action => ({ kind: 'answer', answer: { code: 5, text: `${what}: not found` } });
const digestOf = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

/** Runs one frontend (`command`) against the scripted daemon, under /usr/bin/time. */
export async function runGatewayProbe(p: GatewayProbe, command: string[], dir: string, timeoutSeconds: number): Promise<GatewayRun> {
  const timeFile = join(dir, 'gateway-time.txt');
  rmSync(timeFile, { force: true });
  const env: Record<string, string> = { BUILDKIT_SESSION_ID: 'bench', BUILDKIT_EXPORTEDPRODUCT: 'buildkit' };
  p.opts.forEach((o, i) => (env[`BUILDKIT_FRONTEND_OPT_${i}`] = o));
  const dockerfile = Buffer.from(p.dockerfile);
  const images = p.images ?? {};
  const r = await runFrontend(
    (method, _n, body) => {
      switch (method) {
        case 'Ping':
          return answer(gw.PongResponse, { FrontendAPICaps: GATEWAY_CAPS.map((ID) => ({ ID, Enabled: true })), LLBCaps: Object.values(Caps).map((ID) => ({ ID, Enabled: true })) });
        case 'ReadFile': {
          const req = decodeMessage(gw.ReadFileRequest, body);
          const path = req.FilePath ?? '';
          const file = p.files?.[path];
          if (file !== undefined) return answer(gw.ReadFileResponse, { Data: file });
          if (path.endsWith('Dockerfile')) return answer(gw.ReadFileResponse, { Data: dockerfile });
          if (path.endsWith('.dockerignore') && p.dockerignore !== undefined) return answer(gw.ReadFileResponse, { Data: Buffer.from(p.dockerignore) });
          return { kind: 'answer', answer: { code: 5, text: `open ${path}: no such file or directory` } };
        }
        case 'ResolveSourceMeta': {
          const req = decodeMessage(gw.ResolveSourceMetaRequest, body);
          const id = req.Source?.identifier ?? '';
          if (/^https?:\/\//.test(id)) return answer(gw.ResolveSourceMetaResponse, { Source: req.Source, HTTP: { Checksum: 'sha256:' + digestOf(id), Filename: req.Source?.attrs?.['http.filename'] ?? 'context' } });
          if (!id.startsWith('docker-image://')) return answer(gw.ResolveSourceMetaResponse, { Source: req.Source });
          const ref = id.slice('docker-image://'.length);
          const own = images[ref];
          if (own !== undefined) return answer(gw.ResolveSourceMetaResponse, { Source: req.Source, Image: { Digest: 'sha256:' + digestOf(own), Config: Buffer.from(own) } });
          const image = known[ref];
          if (image === undefined) return notFound(ref);
          return answer(gw.ResolveSourceMetaResponse, { Source: req.Source, Image: { Digest: image.digest, Config: Buffer.from(JSON.stringify(image.config)) } });
        }
        case 'ResolveImageConfig': {
          const req = decodeMessage(gw.ResolveImageConfigRequest, body);
          const ref = req.Ref ?? '';
          const own = images[ref];
          if (own !== undefined) return answer(gw.ResolveImageConfigResponse, { Ref: ref, Digest: 'sha256:' + digestOf(own), Config: Buffer.from(own) });
          const image = known[ref];
          if (image === undefined) return notFound(ref);
          return answer(gw.ResolveImageConfigResponse, { Ref: ref, Digest: image.digest, Config: Buffer.from(JSON.stringify(image.config)) });
        }
        case 'Solve': {
          // A reference named after the definition's ops, the same for the same definition on both sides.
          const h = createHash('sha256');
          for (const op of decodeMessage(gw.SolveRequest, body).Definition?.def ?? []) h.update(op);
          return answer(gw.SolveResponse, { result: { result: { case: 'ref', value: { id: h.digest('hex').slice(0, 16) } } } });
        }
        default:
          return { kind: 'default' };
      }
    },
    { env, command: ['/usr/bin/time', '-f', '%e %M', '-o', timeFile, 'timeout', String(timeoutSeconds), ...command], boundMs: (timeoutSeconds + 30) * 1000 },
  );
  let seconds = NaN;
  let kib = NaN;
  try {
    const [s, k] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ');
    seconds = Number(s);
    kib = Number(k);
  } catch {
    // no figures: the run was killed
  }
  const ret = r.returned;
  let returned: string;
  let status: string;
  if (r.timedOut || r.code === 124) {
    status = 'timeout';
    returned = 'timeout';
  } else if (ret === undefined) {
    status = `exit ${r.code}`;
    returned = `no Return (exit ${r.code})`;
  } else if (ret.error !== undefined) {
    status = 'error';
    returned = `error: ${ret.error.message ?? ''}`;
  } else {
    status = 'ok';
    const res = ret.result;
    const metadata = Object.entries(res?.metadata ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    returned = JSON.stringify({ result: res?.result, metadata: metadata.map(([k, v]) => [k, digestOf(v)]) });
  }
  return { seconds, kib, status, returned };
}

/** A tar header of a regular file (ustar, octal fields, checksum filled in). */
function tarHeader(name: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0);
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(size.toString(8).padStart(11, '0') + '\0', 124);
  h.write(mtime.toString(8).padStart(11, '0') + '\0', 136);
  h.write('0', 156);
  h.write('ustar\x0000', 257);
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return h;
}

/**
 * A tar.gz of one file of `size` zero bytes and then a newer small file, made
 * cheaply: gzip members one after another (which a gzip reader reads as one
 * stream), the zeros' member compressed once and repeated.
 */
export function tarGzOfZeros(size: number, zlib: typeof import('node:zlib')): Buffer {
  const piece = 1 << 26;
  const parts: Buffer[] = [zlib.gzipSync(tarHeader('zeros', size, 1_600_000_000))];
  const whole = zlib.gzipSync(Buffer.alloc(piece), { level: 9 });
  for (let left = size; left > 0; left -= piece) parts.push(left >= piece ? whole : zlib.gzipSync(Buffer.alloc(left), { level: 9 }));
  const pad = (512 - (size % 512)) % 512;
  parts.push(zlib.gzipSync(Buffer.concat([Buffer.alloc(pad), tarHeader('newer', 1, 1_700_000_000), Buffer.alloc(512), Buffer.alloc(1024)])));
  return Buffer.concat(parts);
}

/** A tar.gz of `n` empty files, the last the newest. */
export function tarGzOfEmptyFiles(n: number, zlib: typeof import('node:zlib')): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; i < n; i++) blocks.push(tarHeader(`f${i}`, 0, 1_600_000_000 + i));
  blocks.push(Buffer.alloc(1024));
  return zlib.gzipSync(Buffer.concat(blocks));
}
