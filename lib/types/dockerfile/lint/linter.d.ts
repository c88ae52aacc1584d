import { DockerfileError, type LineRange } from '../errors.js';
import { type CheckConfig } from './config.js';
import type { Rule } from './rules.js';
/** Receives one finding: rule metadata, the formatted message and where it is. */
export type LintWarnFunc = (ruleName: string, description: string, url: string, detail: string, ranges: LineRange[]) => void;
/** One range per line of an instruction (upstream's parser.Node.Location). */
export declare function perLine(r: LineRange): LineRange[];
export declare class Linter {
    private readonly s;
    private constructor();
    /** A linter for one build; without `warn` nothing is reported or counted (upstream: nil Warn). */
    static create(config?: CheckConfig, warn?: LintWarnFunc): Linter;
    /** Whether `rule` would be reported by this linter. */
    enabled(rule: Rule<never[]> | Rule<unknown[]>): boolean;
    /**
     * Reports `rule` with the message its format builds from `args`. A single
     * LineRange is an instruction's lines and becomes one range per line (as
     * upstream's node locations are); an array is taken as is.
     */
    run<A extends unknown[]>(rule: Rule<A>, location: LineRange | LineRange[] | undefined, ...args: A): void;
    /** This linter with another configuration's skip/experimental lists added (error= is not merged). */
    withMergedConfig(other: CheckConfig): Linter;
    /**
     * Applies the first `check=` comment of an instruction's comment block.
     * An unparsable one is ignored, as upstream does.
     */
    withCommentConfig(comments: readonly string[] | undefined): Linter;
    /** Rule names that fired so far, each once, in first-fired order. */
    calledRules(): string[];
    /**
     * The error `error=true` turns findings into, or undefined. Upstream lists
     * the rules in Go map order (random); this lists them in first-fired order.
     */
    error(): DockerfileError | undefined;
}
