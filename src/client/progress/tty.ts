// `--progress tty`: a live view redrawn in place, like buildx's: a header
// with the elapsed time and finished/total steps, one line per step (its
// elapsed time, CACHED / ERROR / CANCELED marks), its sub-statuses (pulls,
// context transfer) with sizes and a bar, and the last lines of each running
// step's log; finished steps collapse to their one line. When the build ends
// the view is drawn once more in full: the summary.
import { Trace, isCompleted, mergeIntervals, duration, type Vtx } from './trace.ts';
import { formatBytes } from './plain.ts';
import type * as ctl from '../../gen/moby.buildkit.v1.ts';

const ESC = '\x1b[';

/** ANSI foreground colours by the names BUILDKIT_COLORS takes (progressui's). */
const COLOR_NAMES: Record<string, string> = {
  default: '39', black: '30', red: '31', green: '32', yellow: '33', blue: '34', magenta: '35', cyan: '36', white: '37',
  'light-black': '90', 'light-red': '91', 'light-green': '92', 'light-yellow': '93', 'light-blue': '94', 'light-magenta': '95', 'light-cyan': '96', 'light-white': '97',
};

/** The SGR codes of finished, cancelled and failed steps (progressui's warning colour is unused there too). */
export interface Colors {
  run?: string;
  cancel?: string;
  error?: string;
}

/**
 * The colours of the live view, as progressui picks them: finished steps
 * blue, failed ones red, cancelled ones yellow; none when NO_COLOR is set;
 * BUILDKIT_COLORS (`run=green:error=light-red:cancel=255,165,0`) overrides
 * each, by name or as R,G,B.
 */
export function colorsFrom(env: NodeJS.ProcessEnv): Colors {
  if ((env.NO_COLOR ?? '') !== '') return {};
  const c: Colors = { run: '34', cancel: '33', error: '31' };
  for (const field of (env.BUILDKIT_COLORS ?? '').split(':')) {
    const eq = field.indexOf('=');
    if (eq < 0) continue;
    const key = field.slice(0, eq).toLowerCase();
    const value = field.slice(eq + 1).toLowerCase();
    let code = COLOR_NAMES[value];
    const rgb = /^(\d+),(\d+),(\d+)$/.exec(value);
    if (code === undefined && rgb !== null && rgb.slice(1).every((x) => Number(x) <= 255)) {
      // aec's 8-bit colour of an RGB triple: the 6x6x6 cube, each part divided by 43.
      const [r, g, b] = rgb.slice(1).map((x) => Math.floor(Number(x) / 43));
      code = `38;5;${16 + 36 * r! + 6 * g! + b!}`;
    }
    if (code !== undefined && (key === 'run' || key === 'cancel' || key === 'error')) c[key] = code;
  }
  return c;
}

function paint(line: string, code: string | undefined): string {
  return code === undefined ? line : `${ESC}${code}m${line}${ESC}0m`;
}

function secs(ms: number): string {
  return `${(Math.max(ms, 0) / 1000).toFixed(1)}s`;
}

function bar(current: number, total: number, width = 20): string {
  if (total <= 0) return '';
  const n = Math.min(width, Math.round((current / total) * width));
  return ` [${'='.repeat(n)}${' '.repeat(width - n)}]`;
}

function fit(line: string, width: number): string {
  return line.length > width ? line.slice(0, Math.max(width - 1, 0)) : line;
}

export class TtyPrinter {
  readonly trace = new Trace();
  private lines = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly start = Date.now();

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly phase = 'Building',
    private readonly colors: Colors = colorsFrom(process.env),
  ) {
    this.timer = setInterval(() => this.draw(false), 100);
  }

  update(s: ctl.StatusResponse): void {
    this.trace.update(s);
  }

  done(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.draw(true);
  }

  private stepLine(v: Vtx, width: number): string {
    const ivals = mergeIntervals([...v.intervals.values()]);
    const t = ivals.reduce((a, i) => a + duration(i), 0);
    let name = v.name.replace(/\t/g, ' ');
    if (v.error !== '') name = (v.error.endsWith('context canceled') ? 'CANCELED ' : 'ERROR ') + name;
    if (v.cached) name = 'CACHED ' + name;
    const right = ` ${secs(t)}`;
    const line = fit(`=> ${name}`, width - right.length).padEnd(width - right.length) + right;
    const color = !isCompleted(v) ? undefined : v.error === '' ? this.colors.run : v.error.endsWith('context canceled') ? this.colors.cancel : this.colors.error;
    return paint(line, color);
  }

  private draw(final: boolean): void {
    const width = Math.max((this.out.columns || 80) - 1, 20);
    const height = this.out.rows || 40;
    const steps = this.trace.vertexes.filter((v) => !v.hidden);
    const done = steps.filter((v) => isCompleted(v)).length;
    const total = [...new Set(this.trace.byDigest.values())].filter((v) => !v.hidden).length;
    const out: string[] = [];
    const head = `[+] ${this.phase} ${secs(Date.now() - this.start)} (${done}/${total})${final ? ' FINISHED' : ''}`;
    out.push(fit(head, width));
    // Running steps' last log lines faint (as progressui draws them, when colours are on).
    const faint = this.colors.run === undefined ? undefined : '2';
    for (const v of steps) {
      out.push(this.stepLine(v, width));
      for (const s of v.statuses) {
        const size = s.total !== 0 ? ` ${formatBytes(s.current)} / ${formatBytes(s.total)}${bar(s.current, s.total)}` : s.current !== 0 ? ` ${formatBytes(s.current)}` : '';
        const t = s.started !== undefined ? ` ${secs((s.completed ?? Date.now()) - s.started)}` : '';
        out.push(fit(` => ${s.id}${size}${s.completed !== undefined ? ' done' : ''}`, width - t.length).padEnd(width - t.length) + t);
      }
      for (const w of v.warnings) out.push(fit(`WARN: ${Buffer.from(w.short ?? new Uint8Array()).toString()}`, width));
      if (!isCompleted(v) || (final && v.error !== '')) for (const l of v.tail) out.push(paint(fit(` > ${l}`, width), faint));
    }
    // Live: keep the view within the terminal (the newest lines); the final one in full.
    const shown = final ? out : out.length > height - 1 ? [out[0]!, ...out.slice(out.length - (height - 2))] : out;
    let text = '';
    if (this.lines > 0) text += `${ESC}${this.lines}A`;
    for (const l of shown) text += `${ESC}2K${l}\n`;
    for (let i = shown.length; i < this.lines; i++) text += `${ESC}2K\n`;
    if (this.lines > shown.length) text += `${ESC}${this.lines - shown.length}A`;
    this.out.write(text);
    this.lines = shown.length;
  }
}
