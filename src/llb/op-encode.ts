// pb.Op written field by field, without the descriptor walk of the generic
// encoder: the messages every graph is made of (inputs, platform, exec with
// its meta and mounts, file actions, sources, merges) are written here;
// rarer sub-messages go through the generic encoder. The rules are the
// generic encoder's (Go's deterministic marshaling): fields by number with
// oneof members last, proto3 zero scalars omitted, present messages written
// even when empty, repeated elements always written, packed numeric lists.
import { sortStringKeys, writeMessage } from '../protobuf/encode.ts';
import type { MessageDesc, Int64 } from '../protobuf/registry.ts';
import { Writer } from '../protobuf/writer.ts';
import {
  ChownOpt as ChownOptDesc,
  BuildOp as BuildOpDesc,
  CDIDevice as CDIDeviceDesc,
  DiffOp as DiffOpDesc,
  FileActionRm as FileActionRmDesc,
  FileActionSymlink as FileActionSymlinkDesc,
  HostIP as HostIPDesc,
  PassthroughOp as PassthroughOpDesc,
  ProxyEnv as ProxyEnvDesc,
  SecretEnv as SecretEnvDesc,
  SecretOpt as SecretOptDesc,
  SSHOpt as SSHOptDesc,
  TmpfsOpt as TmpfsOptDesc,
  Ulimit as UlimitDesc,
} from '../gen/pb.ts';
import type {
  ExecOp,
  FileAction,
  FileActionCopy,
  FileActionMkDir,
  FileActionMkFile,
  FileOp,
  Input,
  MergeOp,
  Meta,
  Mount,
  Op,
  Platform,
  SourceOp,
  WorkerConstraints,
} from '../gen/pb.ts';

// Strict: an op holding a string that is no UTF-8 fails to marshal, as in Go.
const shared = new Writer(1 << 12, true);

/** The wire bytes of a pb.Op (what encodeMessage(Op, op) returns). */
export function encodeOp(op: Op): Uint8Array {
  const w = shared;
  w.reset();
  const inputs = op.inputs;
  if (inputs != null) for (const inp of inputs) writeInput(w, inp);
  if (op.platform != null) {
    w.tag(10, 2);
    const s = w.fork();
    writePlatform(w, op.platform);
    w.join(s);
  }
  if (op.constraints != null) {
    w.tag(11, 2);
    const s = w.fork();
    writeWorkerConstraints(w, op.constraints);
    w.join(s);
  }
  const o = op.op;
  if (o != null) {
    switch (o.case) {
      case 'exec': {
        w.tag(2, 2);
        const s = w.fork();
        writeExec(w, o.value);
        w.join(s);
        break;
      }
      case 'source': {
        w.tag(3, 2);
        const s = w.fork();
        writeSource(w, o.value);
        w.join(s);
        break;
      }
      case 'file': {
        w.tag(4, 2);
        const s = w.fork();
        writeFileOp(w, o.value);
        w.join(s);
        break;
      }
      case 'build':
        sub(w, 5, BuildOpDesc, o.value);
        break;
      case 'merge': {
        w.tag(6, 2);
        const s = w.fork();
        writeMerge(w, o.value);
        w.join(s);
        break;
      }
      case 'diff':
        sub(w, 7, DiffOpDesc, o.value);
        break;
      case 'passthrough':
        sub(w, 8, PassthroughOpDesc, o.value);
        break;
    }
  }
  return w.finishPooled();
}

function sub<T>(w: Writer, no: number, desc: MessageDesc<T>, msg: T): void {
  w.tag(no, 2);
  const s = w.fork();
  writeMessage(w, desc, msg);
  w.join(s);
}

function subs<T>(w: Writer, no: number, desc: MessageDesc<T>, list: readonly T[] | undefined): void {
  if (list != null) for (const m of list) sub(w, no, desc, m);
}

function str(w: Writer, no: number, v: string | undefined): void {
  if (v == null || v.length === 0) return;
  w.tag(no, 2);
  w.string(v);
}

function strs(w: Writer, no: number, v: readonly string[] | undefined): void {
  if (v == null) return;
  for (const s of v) {
    w.tag(no, 2);
    w.string(s);
  }
}

function bool(w: Writer, no: number, v: boolean | undefined): void {
  if (!v) return;
  w.tag(no, 0);
  w.uvarint(1);
}

/** int32, int64 and enum fields: zero (but not -0) omitted, negatives as 10 bytes. */
function int(w: Writer, no: number, v: Int64 | undefined): void {
  if (v == null) return;
  if (typeof v === 'number' ? v === 0 && 1 / v > 0 : v === 0n) return;
  w.tag(no, 0);
  w.varint64(v);
}

function bytes(w: Writer, no: number, v: Uint8Array | undefined): void {
  if (v == null || v.length === 0) return;
  w.tag(no, 2);
  w.bytes(v);
}

function writeInput(w: Writer, inp: Input): void {
  w.tag(1, 2);
  const s = w.fork();
  str(w, 1, inp.digest);
  int(w, 2, inp.index);
  w.join(s);
}

function writePlatform(w: Writer, p: Platform): void {
  str(w, 1, p.Architecture);
  str(w, 2, p.OS);
  str(w, 3, p.Variant);
  str(w, 4, p.OSVersion);
  strs(w, 5, p.OSFeatures);
}

function writeWorkerConstraints(w: Writer, c: WorkerConstraints): void {
  strs(w, 1, c.filter);
}

function writeExec(w: Writer, e: ExecOp): void {
  if (e.meta != null) {
    w.tag(1, 2);
    const s = w.fork();
    writeMeta(w, e.meta);
    w.join(s);
  }
  if (e.mounts != null) {
    for (const m of e.mounts) {
      w.tag(2, 2);
      const s = w.fork();
      writeMount(w, m);
      w.join(s);
    }
  }
  int(w, 3, e.network);
  int(w, 4, e.security);
  subs(w, 5, SecretEnvDesc, e.secretenv);
  subs(w, 6, CDIDeviceDesc, e.cdiDevices);
}

function writeMeta(w: Writer, m: Meta): void {
  strs(w, 1, m.args);
  strs(w, 2, m.env);
  str(w, 3, m.cwd);
  str(w, 4, m.user);
  if (m.proxy_env != null) sub(w, 5, ProxyEnvDesc, m.proxy_env);
  subs(w, 6, HostIPDesc, m.extraHosts);
  str(w, 7, m.hostname);
  subs(w, 9, UlimitDesc, m.ulimit);
  str(w, 10, m.cgroupParent);
  bool(w, 11, m.removeMountStubsRecursive);
  const codes = m.validExitCodes;
  if (codes != null && codes.length > 0) {
    w.tag(12, 2);
    const s = w.fork();
    for (const c of codes) w.varint64(c);
    w.join(s);
  }
}

function writeMount(w: Writer, m: Mount): void {
  int(w, 1, m.input);
  str(w, 2, m.selector);
  str(w, 3, m.dest);
  int(w, 4, m.output);
  bool(w, 5, m.readonly);
  int(w, 6, m.mountType);
  if (m.TmpfsOpt != null) sub(w, 19, TmpfsOptDesc, m.TmpfsOpt);
  if (m.cacheOpt != null) {
    w.tag(20, 2);
    const s = w.fork();
    str(w, 1, m.cacheOpt.ID);
    int(w, 2, m.cacheOpt.sharing);
    w.join(s);
  }
  if (m.secretOpt != null) sub(w, 21, SecretOptDesc, m.secretOpt);
  if (m.SSHOpt != null) sub(w, 22, SSHOptDesc, m.SSHOpt);
  str(w, 23, m.resultID);
  int(w, 24, m.contentCache);
}

function writeSource(w: Writer, src: SourceOp): void {
  str(w, 1, src.identifier);
  const attrs = src.attrs;
  if (attrs == null) return;
  for (const k of sortStringKeys(Object.keys(attrs))) {
    w.tag(2, 2);
    const s = w.fork();
    w.tag(1, 2);
    w.string(k);
    w.tag(2, 2);
    w.string(attrs[k]!);
    w.join(s);
  }
}

function writeMerge(w: Writer, m: MergeOp): void {
  if (m.inputs == null) return;
  for (const inp of m.inputs) {
    w.tag(1, 2);
    const s = w.fork();
    int(w, 1, inp.input);
    w.join(s);
  }
}

function writeFileOp(w: Writer, f: FileOp): void {
  if (f.actions == null) return;
  for (const a of f.actions) {
    w.tag(2, 2);
    const s = w.fork();
    writeFileAction(w, a);
    w.join(s);
  }
}

function writeFileAction(w: Writer, a: FileAction): void {
  int(w, 1, a.input);
  int(w, 2, a.secondaryInput);
  int(w, 3, a.output);
  const o = a.action;
  if (o == null) return;
  switch (o.case) {
    case 'copy': {
      w.tag(4, 2);
      const s = w.fork();
      writeCopy(w, o.value);
      w.join(s);
      return;
    }
    case 'mkfile': {
      w.tag(5, 2);
      const s = w.fork();
      writeMkfile(w, o.value);
      w.join(s);
      return;
    }
    case 'mkdir': {
      w.tag(6, 2);
      const s = w.fork();
      writeMkdir(w, o.value);
      w.join(s);
      return;
    }
    case 'rm':
      sub(w, 7, FileActionRmDesc, o.value);
      return;
    case 'symlink':
      sub(w, 8, FileActionSymlinkDesc, o.value);
      return;
  }
}

function writeCopy(w: Writer, c: FileActionCopy): void {
  str(w, 1, c.src);
  str(w, 2, c.dest);
  if (c.owner != null) sub(w, 3, ChownOptDesc, c.owner);
  int(w, 4, c.mode);
  bool(w, 5, c.followSymlink);
  bool(w, 6, c.dirCopyContents);
  bool(w, 7, c.attemptUnpackDockerCompatibility);
  bool(w, 8, c.createDestPath);
  bool(w, 9, c.allowWildcard);
  bool(w, 10, c.allowEmptyWildcard);
  int(w, 11, c.timestamp);
  strs(w, 12, c.include_patterns);
  strs(w, 13, c.exclude_patterns);
  bool(w, 14, c.alwaysReplaceExistingDestPaths);
  str(w, 15, c.modeStr);
  strs(w, 16, c.required_paths);
}

function writeMkfile(w: Writer, m: FileActionMkFile): void {
  str(w, 1, m.path);
  int(w, 2, m.mode);
  bytes(w, 3, m.data);
  if (m.owner != null) sub(w, 4, ChownOptDesc, m.owner);
  int(w, 5, m.timestamp);
}

function writeMkdir(w: Writer, m: FileActionMkDir): void {
  str(w, 1, m.path);
  int(w, 2, m.mode);
  bool(w, 3, m.makeParents);
  if (m.owner != null) sub(w, 4, ChownOptDesc, m.owner);
  int(w, 5, m.timestamp);
}
