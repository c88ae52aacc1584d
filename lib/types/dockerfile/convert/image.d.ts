import type { Platform } from './platform.js';
export interface HealthConfig {
    Test?: string[];
    /** Durations in nanoseconds. */
    Interval?: number;
    Timeout?: number;
    StartPeriod?: number;
    StartInterval?: number;
    Retries?: number;
}
export interface ImageConfig {
    User?: string;
    ExposedPorts?: Record<string, Record<string, never>>;
    Env?: string[];
    Entrypoint?: string[];
    Cmd?: string[];
    Volumes?: Record<string, Record<string, never>>;
    WorkingDir?: string;
    Labels?: Record<string, string>;
    StopSignal?: string;
    ArgsEscaped?: boolean;
    Healthcheck?: HealthConfig;
    OnBuild?: string[];
    Shell?: string[];
}
export interface HistoryEntry {
    created?: string;
    created_by?: string;
    author?: string;
    comment?: string;
    empty_layer?: boolean;
}
export interface Image {
    created?: string;
    author?: string;
    architecture: string;
    os: string;
    'os.version'?: string;
    'os.features'?: string[];
    variant?: string;
    rootfs: {
        type: string;
        diff_ids: string[] | null;
    };
    history?: HistoryEntry[];
    config: ImageConfig;
}
export declare const HISTORY_COMMENT = "buildkit.dockerfile.v0";
export declare const DEFAULT_PATH_UNIX = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
export declare function cloneImage(src: Image): Image;
/** The config of `FROM scratch` for a platform. */
export declare function emptyImage(p: Platform): Image;
export declare function imagePlatform(img: Image): Platform;
export declare function splitKeyValue(kv: string): [string, string];
/** Sets `k=v` in an env list, replacing the first entry with the same key. */
export declare function addEnv(env: string[] | undefined, k: string, v: string): string[];
export declare function defaultShell(os: string): string[];
/** Shell-form arguments prefixed with the image's shell. */
export declare function withShell(img: Image, args: string[]): string[];
export declare function commitToHistory(img: Image, msg: string, withLayer: boolean, isBuildkitOp: boolean, epoch?: string): void;
/** Go re-formats RFC 3339 times: a zero offset becomes `Z`, fraction zeros are dropped. */
export declare function normalizeTime(t: string): string;
/** Reads an image config JSON document like json.Unmarshal into DockerOCIImage. */
export declare function parseImage(text: string): Image;
/** A plain object whose JSON.stringify equals Go's json.Marshal of the image. */
export declare function imageToJSON(img: Image): object;
/** Go's json.Marshal output (HTML-escaping `<`, `>`, `&` like Go does). */
export declare function marshalImage(img: Image): string;
