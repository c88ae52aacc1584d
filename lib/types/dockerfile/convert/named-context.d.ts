import * as llb from '../../llb/index.js';
import type { ImageResolver } from '../../registry/resolver.js';
import { type Image } from './image.js';
import { type Platform } from './platform.js';
import type { ConvertOptions, ImageResolveMode, NamedContextHooks } from './types.js';
/** A context option that matched (upstream's NamedContext, before Load). */
export interface NamedContext {
    /** The value, e.g. `docker-image://alpine`. */
    input: string;
    /** The familiar name looked up. */
    name: string;
    /** The key that matched: `name::os/arch` or `name`. */
    nameWithPlatform: string;
    /** `sharedkey:localdir:<nameWithPlatform>`. */
    sharedKey: string;
    opt: ContextOpt;
}
/** Upstream's dockerui.ContextOpt (NoDockerignore is never set by the converter). */
export interface ContextOpt {
    platform: Platform | undefined;
    resolveMode: ImageResolveMode;
    /** The stage's used paths, read when the local source is marshaled (upstream's AsyncLocalOpts). */
    asyncLocalPaths: () => Iterable<string>;
}
/** What a context loads to: a state and, for images, their config. */
export interface LoadedContext {
    state: llb.State;
    image: Image | undefined;
}
/** Splits frontend options into the converter's named-context options. */
export declare function namedContextOptions(opts: Record<string, string> | Map<string, string>): Pick<ConvertOptions, 'namedContexts' | 'localSharedKeys' | 'localSessionIds' | 'inputMetadata'>;
/**
 * The context that replaces `name`, if any (upstream's namedContextFunc and
 * Client.NamedContext). Throws for a name that is no valid reference, as
 * upstream does even when no context is set.
 */
export declare function findNamedContext(opt: ConvertOptions, name: string, copt: ContextOpt): NamedContext | undefined;
/** What loading needs besides the context itself. */
export interface LoadEnv {
    resolver: ImageResolver | undefined;
    /** The build's session id (bopts.SessionID). */
    sessionId: string | undefined;
    localSessionIds: Record<string, string> | undefined;
    inputMetadata: Record<string, string> | undefined;
    hooks: NamedContextHooks | undefined;
    /** Asked for when the context has no platform (the gateway's default: the worker's). */
    buildPlatform: Platform;
}
/** Loads a named context into a state (upstream's NamedContext.load). */
export declare function loadNamedContext(nc: NamedContext, env: LoadEnv): Promise<LoadedContext>;
