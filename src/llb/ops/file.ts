// FileOp: file-system actions (mkdir, mkfile, rm, symlink, copy) chained so
// that each works on the result of the one before, all in one op. Indices
// follow Go's llb: an action's input is a real op input (index < number of
// inputs), or a previous action's result (number of inputs + action index),
// or -1 for scratch; only the last action has an output.
import { argumentError, checkMode, checkOptions, checkString, isStateLike } from '../args.ts';
import type { Constraints } from '../constraints.ts';
import { addCap, cloneConstraints } from '../constraints.ts';
import { Caps } from '../caps.ts';
import { LLBError } from '../errors.ts';
import { cleanPath, isAbsPath, joinPath } from '../../go/path.ts';
import { bytesOf } from '../../go/kept-bytes.ts';
import { indexZero, Output } from '../vertex.ts';
import type { MarshalContext, MarshaledVertex, Vertex } from '../vertex.ts';
import { finishOp, marshalConstraints } from './common.ts';
import type { FileAction as PbFileAction, Input as PbInput, ChownOpt as PbChownOpt, UserOpt as PbUserOpt } from '../../gen/pb.ts';

/** What a file action needs of the state it is bound to (State implements it). */
export interface FileBase {
  output(): Output | undefined;
  getDir(): string;
}

/** A user or group: by numeric id, or by name looked up in the action's base filesystem. */
export type UserRef = { readonly uid: number } | { readonly name: string };

/** Ownership for created or copied files. */
export interface ChownOption {
  readonly user?: UserRef;
  readonly group?: UserRef;
}

/** A creation time: a Date, or nanoseconds since the epoch. */
export type CreatedTime = Date | bigint;

export interface MkdirOptions {
  readonly makeParents?: boolean;
  readonly chown?: ChownOption;
  readonly createdTime?: CreatedTime;
}

export interface MkfileOptions {
  readonly chown?: ChownOption;
  readonly createdTime?: CreatedTime;
}

export interface SymlinkOptions {
  readonly chown?: ChownOption;
  readonly createdTime?: CreatedTime;
}

export interface RmOptions {
  readonly allowNotFound?: boolean;
  readonly allowWildcard?: boolean;
}

export interface CopyOptions {
  /** Permission bits (number) or a chmod-style mode string such as "u+x" (FileActionCopy.modeStr). */
  readonly mode?: number | string;
  readonly chown?: ChownOption;
  readonly followSymlinks?: boolean;
  readonly copyDirContentsOnly?: boolean;
  readonly includePatterns?: readonly string[];
  readonly excludePatterns?: readonly string[];
  readonly requiredPaths?: readonly string[];
  readonly attemptUnpack?: boolean;
  readonly createDestPath?: boolean;
  readonly allowWildcard?: boolean;
  readonly allowEmptyWildcard?: boolean;
  readonly createdTime?: CreatedTime;
  readonly alwaysReplaceExistingDestPaths?: boolean;
}

type SubAction =
  | { readonly kind: 'mkdir'; readonly path: string; readonly mode: number; readonly opts: MkdirOptions }
  | { readonly kind: 'mkfile'; readonly path: string; readonly mode: number; readonly data: Uint8Array; readonly opts: MkfileOptions }
  | { readonly kind: 'rm'; readonly path: string; readonly opts: RmOptions }
  | { readonly kind: 'symlink'; readonly oldpath: string; readonly newpath: string; readonly opts: SymlinkOptions }
  | { readonly kind: 'copy'; readonly source: CopySource; readonly src: string; readonly dest: string; readonly opts: CopyOptions };

/** Where a copy reads from: a state, or the result of another action chain bound to a state. */
export type CopySource = { readonly kind: 'state'; readonly base: FileBase } | { readonly kind: 'actions'; readonly action: FileAction };

/**
 * A chain of file actions. Each method returns a new chain ending in the new
 * action; `State.file(chain)` binds the whole chain to that state.
 */
export class FileAction {
  /** @internal */
  constructor(
    readonly action: SubAction,
    readonly prev: FileAction | undefined,
    /** The state the chain is bound to; set by State.file or withState. */
    readonly base: FileBase | undefined,
  ) {}

  mkdir(path: string, mode: number, opts: MkdirOptions = {}): FileAction {
    return new FileAction(mkdirAction(path, mode, opts), this, undefined);
  }

  mkfile(path: string, mode: number, data: Uint8Array | string, opts: MkfileOptions = {}): FileAction {
    return new FileAction(mkfileAction(path, mode, data, opts), this, undefined);
  }

  rm(path: string, opts: RmOptions = {}): FileAction {
    return new FileAction(rmAction(path, opts), this, undefined);
  }

  symlink(oldpath: string, newpath: string, opts: SymlinkOptions = {}): FileAction {
    return new FileAction(symlinkAction(oldpath, newpath, opts), this, undefined);
  }

  copy(from: FileBase | BoundFileAction, src: string, dest: string, opts: CopyOptions = {}): FileAction {
    return new FileAction(copyAction(from, src, dest, opts), this, undefined);
  }

  /** This chain bound to `state`, usable as the source of a copy. */
  withState(state: FileBase): BoundFileAction {
    return new BoundFileAction(this.bind(state));
  }

  /**
   * A copy of the chain with every action bound to `state` (Go's
   * FileAction.bind), made without recursion: a COPY of 20,000 sources is a
   * chain of 20,000 actions, deeper than the JavaScript stack (Go's grows).
   */
  bind(state: FileBase): FileAction {
    const chain: FileAction[] = [];
    for (let a: FileAction | undefined = this; a; a = a.prev) chain.push(a);
    let bound: FileAction | undefined;
    for (let i = chain.length - 1; i >= 0; i--) bound = new FileAction(chain[i]!.action, bound, state);
    return bound!;
  }
}

/** A file action chain bound to a state, as a copy source (Go's FileAction.WithState). */
export class BoundFileAction {
  constructor(readonly action: FileAction) {}
}

// The actions, their arguments checked for a JavaScript caller (args.ts).

function mkdirAction(path: string, mode: number, opts: MkdirOptions): SubAction {
  checkString('mkdir', 'path', path);
  checkMode('mkdir', 'mode', mode);
  checkOptions('mkdir', opts);
  return { kind: 'mkdir', path, mode, opts };
}

function mkfileAction(path: string, mode: number, data: Uint8Array | string, opts: MkfileOptions): SubAction {
  checkString('mkfile', 'path', path);
  checkMode('mkfile', 'mode', mode);
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) throw argumentError('mkfile', 'data', 'a string or a Uint8Array', data);
  checkOptions('mkfile', opts);
  return { kind: 'mkfile', path, mode, data: toBytes(data), opts };
}

function rmAction(path: string, opts: RmOptions): SubAction {
  checkString('rm', 'path', path);
  checkOptions('rm', opts);
  return { kind: 'rm', path, opts };
}

function symlinkAction(oldpath: string, newpath: string, opts: SymlinkOptions): SubAction {
  checkString('symlink', 'oldpath', oldpath);
  checkString('symlink', 'newpath', newpath);
  checkOptions('symlink', opts);
  return { kind: 'symlink', oldpath, newpath, opts };
}

function copyAction(from: FileBase | BoundFileAction, src: string, dest: string, opts: CopyOptions): SubAction {
  if (!(from instanceof BoundFileAction) && !isStateLike(from)) throw argumentError('copy', 'from', 'a State (or a FileAction bound with withState)', from);
  checkString('copy', 'src', src);
  checkString('copy', 'dest', dest);
  checkOptions('copy', opts);
  const source: CopySource = from instanceof BoundFileAction ? { kind: 'actions', action: from.action } : { kind: 'state', base: from };
  return { kind: 'copy', source, src, dest, opts };
}

function toBytes(d: Uint8Array | string): Uint8Array {
  return typeof d === 'string' ? bytesOf(d) : d;
}

export function mkdir(path: string, mode: number, opts: MkdirOptions = {}): FileAction {
  return new FileAction(mkdirAction(path, mode, opts), undefined, undefined);
}

export function mkfile(path: string, mode: number, data: Uint8Array | string, opts: MkfileOptions = {}): FileAction {
  return new FileAction(mkfileAction(path, mode, data, opts), undefined, undefined);
}

export function rm(path: string, opts: RmOptions = {}): FileAction {
  return new FileAction(rmAction(path, opts), undefined, undefined);
}

export function symlink(oldpath: string, newpath: string, opts: SymlinkOptions = {}): FileAction {
  return new FileAction(symlinkAction(oldpath, newpath, opts), undefined, undefined);
}

export function copy(from: FileBase | BoundFileAction, src: string, dest: string, opts: CopyOptions = {}): FileAction {
  return new FileAction(copyAction(from, src, dest, opts), undefined, undefined);
}

/**
 * Ownership from "user[:group]" as Go's llb.WithUser parses it: "root" and
 * 32-bit integers are ids, anything else a name.
 */
export function chownFromString(spec: string): ChownOption {
  checkString('chownFromString', 'spec', spec);
  const idx = spec.indexOf(':');
  const parts = idx < 0 ? [spec] : [spec.slice(0, idx), spec.slice(idx + 1)];
  const ref = (v: string): UserRef => {
    if (v === 'root') return { uid: 0 };
    if (/^[+-]?[0-9]+$/.test(v)) {
      const n = Number(v);
      if (n >= -2147483648 && n <= 2147483647) return { uid: n };
    }
    return { name: v };
  };
  return parts.length === 1 ? { user: ref(parts[0]!) } : { user: ref(parts[0]!), group: ref(parts[1]!) };
}

/** Go's marshalTime: -1 when unset. */
function timeToPb(t: CreatedTime | undefined): bigint | number {
  if (t === undefined) return -1;
  return typeof t === 'bigint' ? t : BigInt(t.getTime()) * 1_000_000n;
}

function userToPb(u: UserRef | undefined, base: number): PbUserOpt | undefined {
  if (!u) return undefined;
  if ('name' in u && u.name !== '') return { user: { case: 'byName', value: { name: u.name, input: base } } };
  return { user: { case: 'byID', value: 'uid' in u ? u.uid >>> 0 : 0 } };
}

function chownToPb(c: ChownOption | undefined, base: number): PbChownOpt | undefined {
  if (!c) return undefined;
  const out: PbChownOpt = {};
  const user = userToPb(c.user, base);
  const group = userToPb(c.group, base);
  if (user) out.user = user;
  if (group) out.group = group;
  return out;
}

/** Go's normalizePath: relative paths are resolved against the state's working directory. */
function normalizePath(parent: string, p: string, keepSlash: boolean): string {
  const orig = p;
  p = cleanPath(p);
  if (!isAbsPath(p)) p = joinPath('/', parent, p);
  if (keepSlash) {
    if (orig.endsWith('/') && !p.endsWith('/')) p += '/';
    else if (orig.endsWith('/.')) {
      if (p !== '/') p += '/';
      p += '.';
    }
  }
  return p;
}

function copySourcePath(a: Extract<SubAction, { kind: 'copy' }>): string {
  const p = cleanPath(a.src);
  let dir = '/';
  if (!isAbsPath(p)) {
    const base = a.source.kind === 'state' ? a.source.base : a.source.action.base;
    if (base) dir = base.getDir();
  }
  return joinPath(dir, p);
}

function toPbAction(a: SubAction, parent: string, base: number): PbFileAction['action'] {
  switch (a.kind) {
    case 'mkdir':
      return {
        case: 'mkdir',
        value: {
          path: normalizePath(parent, a.path, false),
          mode: a.mode & 0o777,
          makeParents: a.opts.makeParents ?? false,
          owner: chownToPb(a.opts.chown, base),
          timestamp: timeToPb(a.opts.createdTime),
        },
      };
    case 'mkfile':
      return {
        case: 'mkfile',
        value: {
          path: normalizePath(parent, a.path, false),
          mode: a.mode & 0o777,
          data: a.data,
          owner: chownToPb(a.opts.chown, base),
          timestamp: timeToPb(a.opts.createdTime),
        },
      };
    case 'rm':
      return {
        case: 'rm',
        value: {
          path: normalizePath(parent, a.path, false),
          allowNotFound: a.opts.allowNotFound ?? false,
          allowWildcard: a.opts.allowWildcard ?? false,
        },
      };
    case 'symlink':
      return {
        case: 'symlink',
        value: {
          oldpath: a.oldpath,
          newpath: a.newpath,
          owner: chownToPb(a.opts.chown, base),
          timestamp: timeToPb(a.opts.createdTime),
        },
      };
    case 'copy': {
      const o = a.opts;
      return {
        case: 'copy',
        value: {
          src: copySourcePath(a),
          dest: normalizePath(parent, a.dest, true),
          owner: chownToPb(o.chown, base),
          mode: o.mode === undefined ? -1 : typeof o.mode === 'number' ? o.mode | 0 : 0,
          modeStr: typeof o.mode === 'string' ? o.mode : '',
          followSymlink: o.followSymlinks ?? false,
          dirCopyContents: o.copyDirContentsOnly ?? false,
          attemptUnpackDockerCompatibility: o.attemptUnpack ?? false,
          createDestPath: o.createDestPath ?? false,
          allowWildcard: o.allowWildcard ?? false,
          allowEmptyWildcard: o.allowEmptyWildcard ?? false,
          timestamp: timeToPb(o.createdTime),
          include_patterns: o.includePatterns ? [...o.includePatterns] : [],
          exclude_patterns: o.excludePatterns ? [...o.excludePatterns] : [],
          alwaysReplaceExistingDestPaths: o.alwaysReplaceExistingDestPaths ?? false,
          required_paths: o.requiredPaths ? [...o.requiredPaths] : [],
        },
      };
    }
  }
}

interface ActionState {
  base: number;
  input: number;
  inputRelative: ActionState | undefined;
  input2: number;
  input2Relative: ActionState | undefined;
  target: number;
  fa: FileAction;
}

export class FileOp implements Vertex {
  /** @internal Marshal memoisation (see Vertex). */
  marshalCtx: MarshalContext | undefined = undefined;
  /** @internal */
  marshaled: MarshaledVertex | undefined = undefined;
  /** @internal */
  walkCtx: MarshalContext | undefined = undefined;
  readonly output: Output = new Output(this, indexZero);

  constructor(
    private readonly action: FileAction,
    private readonly constraints: Constraints,
  ) {}

  /** Go's allOutputs: the chain walked from its last action back to its first. */
  inputs(): readonly Output[] {
    const out: Output[] = [];
    collectOutputs(this.action, out);
    return out;
  }

  marshalUncached(ctx: MarshalContext): MarshaledVertex {
    const own = cloneConstraints(this.constraints);
    addCap(own, Caps.fileBase);
    const { op, metadata } = marshalConstraints(ctx.constraints, own);
    delete op.platform;

    const inputs: PbInput[] = [];
    const actions: ActionState[] = [];
    const visited = new Map<FileAction, ActionState>();
    const addInput = (o: Output): number => {
      const inp = o.toInput(ctx);
      const i = inputs.findIndex((x) => x.digest === inp.digest && (x.index ?? 0) === (inp.index ?? 0));
      if (i >= 0) return i;
      inputs.push(inp);
      return inputs.length - 1;
    };
    // Go's FileOp.addAction, depth first: an action's chain before it (its
    // inputs first), then its base, then its copy source (a state, or another
    // chain added the same way). Walked with a stack of its own rather than by
    // recursion, as chains can be longer than the JavaScript stack is deep.
    interface Frame {
      fa: FileAction;
      /** 0: not started; 1: its chain before it added; 2: waiting for its copy source chain. */
      step: 0 | 1 | 2;
      st?: ActionState;
    }
    const stack: Frame[] = [{ fa: this.action, step: 0 }];
    /** What the frame finished last gave its caller (Go's addAction's result). */
    let done: ActionState | undefined;
    while (stack.length > 0) {
      const f = stack[stack.length - 1]!;
      if (f.step === 0) {
        const known = visited.get(f.fa);
        if (known) {
          done = known;
          stack.pop();
          continue;
        }
        f.step = 1;
        done = undefined;
        if (f.fa.prev) {
          stack.push({ fa: f.fa.prev, step: 0 });
          continue;
        }
      }
      if (f.step === 1) {
        const fa = f.fa;
        const prev = fa.prev ? done : undefined;
        const st: ActionState = { base: -1, input: -1, inputRelative: undefined, input2: -1, input2Relative: undefined, target: 0, fa };
        f.st = st;
        const src = fa.base?.output();
        if (src) st.base = addInput(src);
        if (!prev) st.input = st.base;
        else st.inputRelative = prev;
        if (fa.action.kind === 'copy') {
          const s = fa.action.source;
          if (s.kind === 'state') {
            const o = s.base.output();
            if (o) st.input2 = addInput(o);
          } else {
            f.step = 2;
            stack.push({ fa: s.action, step: 0 });
            continue;
          }
        }
      } else f.st!.input2Relative = done;
      const st = f.st!;
      st.target = actions.length;
      visited.set(f.fa, st);
      actions.push(st);
      done = st;
      stack.pop();
    }

    const pbActions: PbFileAction[] = actions.map((st, i) => {
      const parent = st.fa.base ? st.fa.base.getDir() : '';
      return {
        input: st.inputRelative ? inputs.length + st.inputRelative.target : st.input,
        secondaryInput: st.input2Relative ? inputs.length + st.input2Relative.target : st.input2,
        output: i + 1 === actions.length ? 0 : -1,
        action: toPbAction(st.fa.action, parent, st.base),
      };
    });
    if (inputs.length > 0) op.inputs = inputs;
    op.op = { case: 'file', value: { actions: pbActions } };
    return finishOp(op, metadata, own);
  }
}

/** Adds the outputs a chain reads to `out`, each once, in allOutputs order (no closure or set per call). */
function collectOutputs(fa: FileAction | undefined, out: Output[]): void {
  for (let a = fa; a; a = a.prev) {
    const o = a.base?.output();
    if (o && !out.includes(o)) out.push(o);
    if (a.action.kind === 'copy') {
      const s = a.action.source;
      if (s.kind === 'state') {
        const so = s.base.output();
        if (so && !out.includes(so)) out.push(so);
      } else collectOutputs(s.action, out);
    }
  }
}

/** Raised by State.file when given nothing to do. */
export function noActionError(): LLBError {
  return new LLBError('invalid-state', 'action is required');
}
