import type { State } from '../../llb/index.js';
import { type LineRange } from '../errors.js';
import type { ArgDefinition, Command, Stage } from '../instructions/types.js';
import { type Image } from './image.js';
import type { NamedContext } from './named-context.js';
import { OutlineCapture } from './outline-capture.js';
import type { InstructionTracker } from '../lint/checks.js';
import type { Platform } from './platform.js';
import type { ProgressCounter } from './progress.js';
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
export declare function stageInfo(st: Stage): StageInfo;
export declare class DispatchState implements ProgressCounter {
    state: State;
    image: Image;
    platform: Platform | undefined;
    stage: StageInfo;
    base: DispatchState | undefined;
    baseImg: Image | undefined;
    dispatched: boolean;
    resolved: boolean;
    onBuildInit: boolean;
    /** Stages this one reads from, with the (last) command that does. */
    deps: Map<DispatchState, Command>;
    buildArgs: ArgDefinition[];
    commands: StageCommand[];
    /** Build-context paths this stage uses. */
    ctxPaths: Set<string>;
    /** Paths of this stage others use (shared with the stages built on it). */
    paths: Set<string>;
    ignoreCache: boolean;
    /** BUILDKIT_SBOM_SCAN_CONTEXT / BUILDKIT_SBOM_SCAN_STAGE cover this stage (set once it is dispatched). */
    scanContext: boolean;
    scanStage: boolean;
    /** Created for COPY --from / RUN --mount rather than by FROM. */
    unregistered: boolean;
    /** A named context that replaces this whole stage (its commands are not dispatched). */
    namedContext: NamedContext | undefined;
    stageName: string;
    cmdIndex: number;
    cmdIsOnBuild: boolean;
    cmdTotal: number;
    prefixPlatform: boolean;
    workdirSet: boolean;
    cmdSet: boolean;
    /** What the outline reads (args, secrets, ssh); the base's copy until the stage adds its own. */
    outline: OutlineCapture;
    /** MultipleInstructionsDisallowed: CMD, ENTRYPOINT and HEALTHCHECK seen in this stage (not inherited). */
    readonly trackers: Record<'cmd' | 'entrypoint' | 'healthcheck', InstructionTracker>;
    constructor(stage: StageInfo, unregistered?: boolean);
    /** The state of an image a command reads from without a FROM (COPY --from=image, RUN --mount from=image). */
    static unregistered(baseName: string, location: LineRange | undefined): DispatchState;
    /** Takes over the base stage's state, config and args (upstream's init). */
    init(): void;
}
export declare class DispatchStates {
    readonly states: DispatchState[];
    private readonly byName;
    names(): string[];
    add(ds: DispatchState): void;
    findByName(name: string): DispatchState | undefined;
    findByIndex(index: number): DispatchState;
    last(): DispatchState;
}
/** Every stage the target needs: its bases and the stages it copies or mounts from. */
export declare function allReachableStages(s: DispatchState): Set<DispatchState>;
