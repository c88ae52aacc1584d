// The check configuration: the `# check=` directive, the
// BUILDKIT_DOCKERFILE_CHECK build arg and per-instruction `# check=` comments
// share one syntax, `skip=<rules|all>;error=<bool>;experimental=<rules|all>`.

import { DockerfileError } from '../errors.ts';
import { findDirective } from '../parser/index.ts';
import { goQuote, parseGoBool } from '../../go/strconv.ts';
import { goTrimSpace } from '../../go/strings.ts';
import { fromByteString, trimSpace } from '../parser/bytes.ts';
import { goQuoteBytes } from '../parser/quote.ts';

export interface CheckConfig {
  skipAll: boolean;
  skipRules: string[];
  experimentalAll: boolean;
  experimentalRules: string[];
  /** `error=true`: a fired rule fails the build after dispatch. */
  returnAsError: boolean;
}

export const BUILD_ARG_CHECK = 'BUILDKIT_DOCKERFILE_CHECK';

export function emptyCheckConfig(): CheckConfig {
  return { skipAll: false, skipRules: [], experimentalAll: false, experimentalRules: [], returnAsError: false };
}

/** How the option text is read: a JavaScript string, or a byte string of the file (bytes that are no UTF-8 kept, quoted as Go quotes them). */
interface TextKind {
  trim: (s: string) => string;
  quote: (s: string) => string;
  decode: (s: string) => string;
}
const STRING: TextKind = { trim: goTrimSpace, quote: goQuote, decode: (s) => s };
const BYTES: TextKind = { trim: trimSpace, quote: goQuoteBytes, decode: fromByteString };

/**
 * Parses a check option string; throws with upstream's wording on a bad option.
 * `bytes`: the text is a byte string (the directive as the Dockerfile has it).
 */
export function parseCheckOptions(input: string, bytes = false): CheckConfig {
  const k = bytes ? BYTES : STRING;
  const ruleList = (v: string): string[] => v.split(',').map((r) => k.decode(k.trim(r)));
  const out = emptyCheckConfig();
  const text = k.trim(input);
  if (text === '') return out;
  // Go's strings.SplitN(s, ";", 3): the third part keeps any further `;`.
  const pieces = text.split(';');
  const parts = pieces.length > 3 ? [pieces[0], pieces[1], pieces.slice(2).join(';')] : pieces;
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new DockerfileError(`invalid check option ${k.quote(part)}`);
    const key = k.trim(part.slice(0, eq));
    const value = k.trim(part.slice(eq + 1));
    if (key === 'skip') {
      if (value === 'all') out.skipAll = true;
      else out.skipRules = ruleList(value);
    } else if (key === 'experimental') {
      if (value === 'all') out.experimentalAll = true;
      else out.experimentalRules = ruleList(value);
    } else if (key === 'error') {
      const b = parseGoBool(value);
      if (b !== undefined) out.returnAsError = b;
      else {
        throw new DockerfileError(
          `failed to parse check option ${k.quote(part)}: strconv.ParseBool: parsing ${k.quote(value)}: invalid syntax`,
        );
      }
    } else {
      throw new DockerfileError(`invalid check option ${k.quote(key)}`);
    }
  }
  return out;
}

/**
 * The BUILDKIT_DOCKERFILE_CHECK build arg's configuration (undefined when it
 * is not set), or upstream's error for a bad one. dockerui's client parses it
 * as it starts (the last of its options), so a bad one fails every request,
 * a build or any subrequest, before the Dockerfile is read.
 */
export function buildArgCheckConfig(buildArgs: Record<string, string> | undefined): CheckConfig | undefined {
  const fromArg = buildArgs?.[BUILD_ARG_CHECK];
  if (fromArg === undefined) return undefined;
  try {
    return parseCheckOptions(fromArg);
  } catch (err) {
    throw new DockerfileError(`failed to parse build-arg:${BUILD_ARG_CHECK}: ${(err as Error).message}`);
  }
}

/**
 * The configuration a build starts with: the build arg when it is set
 * (it replaces the directive entirely), else the `# check=` directive.
 */
export function resolveCheckConfig(dockerfile: string | Uint8Array, buildArgs: Record<string, string> | undefined): CheckConfig {
  const fromArg = buildArgCheckConfig(buildArgs);
  if (fromArg !== undefined) return fromArg;
  const directive = findDirective('check', dockerfile);
  try {
    return parseCheckOptions(directive?.valueBytes ?? '', true);
  } catch (err) {
    throw new DockerfileError(`failed to parse check options: ${(err as Error).message}`);
  }
}
