import { type ConvertOptions } from '../convert/index.js';
import { type LintResult } from './results.js';
export type LintOptions = Omit<ConvertOptions, 'lintWarn' | 'checkConfig' | 'allStages'>;
/**
 * Lints a Dockerfile. A build that fails is reported as `buildError`; only a
 * bad BUILDKIT_DOCKERFILE_CHECK build arg throws (upstream rejects the whole
 * request before linting).
 */
export declare function lintDockerfile(text: string | Uint8Array, opt?: LintOptions): Promise<LintResult>;
