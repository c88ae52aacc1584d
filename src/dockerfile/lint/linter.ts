// The object the instruction parser and the converter report findings to
// (upstream's linter.Linter). Rules fire where upstream fires them, so the
// order of warnings is the order of `run` calls.

import { DockerfileError, type LineRange } from '../errors.ts';
import { toByteString, fromByteString } from '../parser/bytes.ts';
import { DirectiveScanner } from '../parser/directives.ts';
import { emptyCheckConfig, parseCheckOptions, type CheckConfig } from './config.ts';
import type { Rule } from './rules.ts';

/** Receives one finding: rule metadata, the formatted message and where it is. */
export type LintWarnFunc = (ruleName: string, description: string, url: string, detail: string, ranges: LineRange[]) => void;

interface LinterState {
  skipAll: boolean;
  skipped: ReadonlySet<string>;
  experimentalAll: boolean;
  experimental: ReadonlySet<string>;
  returnAsError: boolean;
  warn: LintWarnFunc | undefined;
  /** Shared by every linter derived from one build: the rules that fired, in order. */
  called: string[];
}

/** One range per line of an instruction (upstream's parser.Node.Location). */
export function perLine(r: LineRange): LineRange[] {
  const out: LineRange[] = [];
  for (let line = r.start; line <= r.end; line++) out.push(r.file === undefined ? { start: line, end: line } : { start: line, end: line, file: r.file });
  return out;
}

export class Linter {
  private constructor(private readonly s: LinterState) {}

  /** A linter for one build; without `warn` nothing is reported or counted (upstream: nil Warn). */
  static create(config: CheckConfig = emptyCheckConfig(), warn?: LintWarnFunc): Linter {
    return new Linter({
      skipAll: config.skipAll,
      skipped: new Set(config.skipRules),
      experimentalAll: config.experimentalAll,
      experimental: new Set(config.experimentalRules),
      returnAsError: config.returnAsError,
      warn,
      called: [],
    });
  }

  /** Whether `rule` would be reported by this linter. */
  enabled(rule: Rule<never[]> | Rule<unknown[]>): boolean {
    if (this.s.warn === undefined) return false;
    if (rule.experimental) return this.s.experimentalAll || this.s.experimental.has(rule.name);
    return !(this.s.skipAll || this.s.skipped.has(rule.name));
  }

  /**
   * Reports `rule` with the message its format builds from `args`. A single
   * LineRange is an instruction's lines and becomes one range per line (as
   * upstream's node locations are); an array is taken as is.
   */
  run<A extends unknown[]>(rule: Rule<A>, location: LineRange | LineRange[] | undefined, ...args: A): void {
    const warn = this.s.warn;
    if (warn === undefined || !this.enabled(rule as Rule<unknown[]>)) return;
    this.s.called.push(rule.name);
    const ranges = location === undefined ? [] : Array.isArray(location) ? location : perLine(location);
    warn(rule.name, rule.description, rule.url, rule.format(...args), ranges);
  }

  /** This linter reporting to `warn` instead (its findings still count for error=). */
  withWarn(warn: LintWarnFunc): Linter {
    return new Linter({ ...this.s, warn });
  }

  /** This linter with another configuration's skip/experimental lists added (error= is not merged). */
  withMergedConfig(other: CheckConfig): Linter {
    const s = this.s;
    return new Linter({
      ...s,
      skipAll: s.skipAll || other.skipAll,
      skipped: other.skipRules.length > 0 ? new Set([...s.skipped, ...other.skipRules]) : s.skipped,
      experimentalAll: s.experimentalAll || other.experimentalAll,
      experimental: other.experimentalRules.length > 0 ? new Set([...s.experimental, ...other.experimentalRules]) : s.experimental,
    });
  }

  /**
   * Applies the first `check=` comment of an instruction's comment block.
   * An unparsable one is ignored, as upstream does.
   */
  withCommentConfig(comments: readonly string[] | undefined): Linter {
    if (comments === undefined) return this;
    for (const comment of comments) {
      let d;
      try {
        d = new DirectiveScanner('').scan(toByteString(comment));
      } catch {
        d = null;
      }
      if (d === null || d.name !== 'check') continue;
      const value = fromByteString(d.value);
      const sp = value.indexOf(' ');
      let config: CheckConfig;
      try {
        config = parseCheckOptions(sp < 0 ? value : value.slice(0, sp));
      } catch {
        return this;
      }
      return this.withMergedConfig(config);
    }
    return this;
  }

  /** Rule names that fired so far, each once, in first-fired order. */
  calledRules(): string[] {
    return [...new Set(this.s.called)];
  }

  /**
   * The error `error=true` turns findings into, or undefined. Upstream lists
   * the rules in Go map order (random); this lists them in first-fired order.
   */
  error(): DockerfileError | undefined {
    if (!this.s.returnAsError || this.s.warn === undefined) return undefined;
    const rules = this.calledRules();
    if (rules.length === 0) return undefined;
    return new DockerfileError(`lint violation found for rules: ${rules.join(', ')}`);
  }
}
