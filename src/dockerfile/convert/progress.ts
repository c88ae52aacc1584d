// Progress names: `[stage-0 2/5] RUN ...`, as upstream's prefixCommand builds
// them, including the platform prefix of multi-platform builds.

import type { EnvGetter } from '../shell/types.ts';
import { formatPlatformAll, normalizePlatform, parsePlatform, type Platform } from './platform.ts';
import { goToUpper, goTrimSpace } from '../../go/strings.ts';

/** The counters of one stage that prefixes depend on. */
export interface ProgressCounter {
  stageName: string;
  cmdTotal: number;
  cmdIndex: number;
  cmdIsOnBuild: boolean;
}

export function prefixCommand(
  ds: ProgressCounter,
  str: string,
  prefixPlatform: boolean,
  platform: Platform | undefined,
  env: EnvGetter,
): string {
  if (ds.cmdTotal === 0) return str;
  let out = '[';
  if (prefixPlatform && platform !== undefined) {
    out += formatPlatformAll(platform) + formatTargetPlatform(platform, platformFromEnv(env)) + ' ';
  }
  if (ds.stageName !== '') out += ds.stageName + ' ';
  ds.cmdIndex++;
  const width = Math.floor(1 + Math.log10(ds.cmdTotal));
  out += `${String(ds.cmdIndex).padStart(width, ' ')}/${ds.cmdTotal}] `;
  if (ds.cmdIsOnBuild) out += 'ONBUILD ';
  return out + str;
}

/** The `->arch` suffix shown when a stage cross-compiles for another platform. */
function formatTargetPlatform(base: Platform, target: Platform | undefined): string {
  if (target === undefined) return '';
  const t: Platform = { ...target };
  if (!t.os) t.os = base.os;
  if (!t.architecture) t.architecture = base.architecture;
  const p = normalizePlatform(t);
  if (p.os === base.os && p.architecture !== base.architecture) {
    return '->' + p.architecture + (p.variant ? '/' + p.variant : '');
  }
  if (p.os !== base.os) return '->' + formatPlatformAll(p);
  return '';
}

function platformFromEnv(env: EnvGetter): Platform | undefined {
  const p: Platform = { os: '', architecture: '' };
  let set = false;
  for (const key of env.keys()) {
    const v = env.get(key) ?? '';
    switch (key) {
      case 'TARGETPLATFORM':
        try {
          return parsePlatform(v);
        } catch {
          continue;
        }
      case 'TARGETOS':
        p.os = v;
        set = true;
        break;
      case 'TARGETARCH':
        p.architecture = v;
        set = true;
        break;
      case 'TARGETVARIANT':
        p.variant = v;
        set = true;
        break;
    }
  }
  return set ? p : undefined;
}

/** Upper-cases the first word (the instruction keyword). */
export function uppercaseCmd(str: string): string {
  const i = str.indexOf(' ');
  return i < 0 ? goToUpper(str) : goToUpper(str.slice(0, i)) + str.slice(i);
}

/** First line of a heredoc body, with `...` when there are more. */
export function summarizeHeredoc(doc: string): string {
  const lines = goTrimSpace(doc).replace(/\r\n/g, '\n').split('\n');
  return lines.length > 1 ? lines[0] + '...' : lines[0];
}

export function internalName(name: string): string {
  return '[internal] ' + name;
}


