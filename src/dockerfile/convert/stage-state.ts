// The converter's per-stage record (upstream's dispatchState) and the list
// of all stages, including the implicit ones that COPY --from=image and
// RUN --mount create.

import type { State } from '../../llb/index.ts';
import { DockerfileError, type LineRange } from '../errors.ts';
import type { ArgDefinition, Command, Stage } from '../instructions/types.ts';
import { cloneImage, type Image } from './image.ts';
import type { NamedContext } from './named-context.ts';
import { OutlineCapture } from './outline-capture.ts';
import type { InstructionTracker } from '../lint/checks.ts';
import type { Platform } from './platform.ts';
import type { ProgressCounter } from './progress.ts';
import type { DispatchedStage } from './types.ts';
import { goToLower } from '../../go/strings.ts';

/** A command and the stages it reads from (COPY --from, RUN --mount from). */
export interface StageCommand {
  command: Command;
  sources: DispatchState[];
  isOnBuild: boolean;
}

/** What a stage's FROM says, after the base name has been expanded. */
export interface StageInfo {
  name: string;
  /** The `# name text` comment above FROM (the outline's description). */
  docComment: string;
  baseName: string;
  /** The unexpanded `--platform` text. */
  platform: string;
  sourceCode: string;
  location: LineRange | undefined;
  commands: Command[];
}

export function stageInfo(st: Stage): StageInfo {
  return {
    name: st.name,
    docComment: st.docComment,
    baseName: st.baseName,
    platform: st.platform,
    sourceCode: st.sourceCode,
    location: st.location,
    commands: st.commands,
  };
}

export class DispatchState implements ProgressCounter {
  state!: State;
  image!: Image;
  platform: Platform | undefined;
  stage: StageInfo;
  base: DispatchState | undefined;
  baseImg: Image | undefined;
  dispatched = false;
  resolved = false;
  onBuildInit = false;
  /** Stages this one reads from, with the (last) command that does. */
  deps = new Map<DispatchState, Command>();
  buildArgs: ArgDefinition[] = [];
  commands: StageCommand[] = [];
  /** Build-context paths this stage uses. */
  ctxPaths = new Set<string>();
  /** Paths of this stage others use (shared with the stages built on it). */
  paths = new Set<string>();
  ignoreCache = false;
  /**
   * Labs RUN --no-cache: a step of this stage (or of a stage it builds on,
   * copies or mounts from) never comes from the cache, so every step built
   * on it from here on skips the cache too (docs/labs.md: BuildKit would
   * otherwise find a later step by its definition and reuse its old result).
   */
  noCacheAfter = false;
  /** BUILDKIT_SBOM_SCAN_CONTEXT / BUILDKIT_SBOM_SCAN_STAGE cover this stage (set once it is dispatched). */
  scanContext = false;
  scanStage = false;
  /** Created for COPY --from / RUN --mount rather than by FROM. */
  unregistered: boolean;
  /** A named context that replaces this whole stage (its commands are not dispatched). */
  namedContext: NamedContext | undefined;
  /** The stage of another Dockerfile this one starts from or reads (labs FROM ./other.Dockerfile#stage). */
  imported: DispatchedStage | undefined;
  stageName: string;
  cmdIndex = 0;
  cmdIsOnBuild = false;
  cmdTotal = 0;
  prefixPlatform = false;
  workdirSet = false;
  cmdSet = false;
  /** What the outline reads (args, secrets, ssh); the base's copy until the stage adds its own. */
  outline = new OutlineCapture();
  /** MultipleInstructionsDisallowed: CMD, ENTRYPOINT and HEALTHCHECK seen in this stage (not inherited). */
  readonly trackers: Record<'cmd' | 'entrypoint' | 'healthcheck', InstructionTracker> = {
    cmd: { isSet: false },
    entrypoint: { isSet: false },
    healthcheck: { isSet: false },
  };

  constructor(stage: StageInfo, unregistered = false) {
    this.stage = stage;
    this.unregistered = unregistered;
    this.stageName = unregistered ? '' : stage.name;
  }

  /** The state of an image a command reads from without a FROM (COPY --from=image, RUN --mount from=image). */
  static unregistered(baseName: string, location: LineRange | undefined): DispatchState {
    return new DispatchState({ name: '', docComment: '', baseName, platform: '', sourceCode: '', location, commands: [] }, true);
  }

  /** Takes over the base stage's state, config and args (upstream's init). */
  init(): void {
    const b = this.base;
    if (b === undefined) return;
    this.state = b.state;
    this.platform = b.platform;
    this.image = cloneImage(b.image);
    delete this.image.config.OnBuild;
    this.baseImg = b.baseImg === undefined ? undefined : cloneImage(b.baseImg);
    this.paths = b.paths;
    this.workdirSet = b.workdirSet;
    this.buildArgs = [...this.buildArgs, ...b.buildArgs];
    this.noCacheAfter = b.noCacheAfter;
  }

  /** Whether the op a command adds now skips the cache (the no-cache option, or labs RUN --no-cache before it). */
  skipsCache(): boolean {
    return this.ignoreCache || this.noCacheAfter;
  }

  /** Reading from `source` (COPY --from, RUN --mount from): its labs no-cache taint carries over. */
  readsFrom(source: DispatchState): void {
    if (source.noCacheAfter) this.noCacheAfter = true;
  }
}

export class DispatchStates {
  readonly states: DispatchState[] = [];
  private readonly byName = new Map<string, DispatchState>();

  names(): string[] {
    return this.states.filter((s) => s.stageName !== '').map((s) => s.stageName);
  }

  add(ds: DispatchState): void {
    this.states.push(ds);
    const base = this.byName.get(ds.stage.baseName);
    if (base !== undefined) {
      ds.base = base;
      ds.outline = base.outline.clone();
    }
    if (ds.stage.name !== '') this.byName.set(goToLower(ds.stage.name), ds);
  }

  findByName(name: string): DispatchState | undefined {
    return this.byName.get(goToLower(name));
  }

  findByIndex(index: bigint): DispatchState {
    if (index < 0n || index >= BigInt(this.states.length)) throw new DockerfileError(`invalid stage index ${index}`);
    return this.states[Number(index)];
  }

  last(): DispatchState {
    return this.states[this.states.length - 1];
  }
}

/**
 * The stages from `start` in the order of a depth-first walk: each stage,
 * then (in turn) the walks from the stages `next` gives for it, each stage
 * once. The walk keeps its own stack: a chain of 10,000 stages is deeper
 * than the JavaScript stack (Go's grows).
 */
export function stagesDepthFirst<T>(start: T, next: (s: T) => readonly T[]): Set<T> {
  const out = new Set<T>();
  const stack: T[] = [start];
  while (stack.length > 0) {
    const d = stack.pop()!;
    if (out.has(d)) continue;
    out.add(d);
    // Pushed in reverse: the first is walked first.
    const n = next(d);
    for (let i = n.length - 1; i >= 0; i--) stack.push(n[i]!);
  }
  return out;
}

/** Every stage the target needs: its bases and the stages it copies or mounts from (each stage, then its base, then its sources). */
export function allReachableStages(s: DispatchState): Set<DispatchState> {
  return stagesDepthFirst(s, (d) => (d.base ? [d.base, ...d.deps.keys()] : [...d.deps.keys()]));
}
