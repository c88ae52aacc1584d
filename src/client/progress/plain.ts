// `--progress plain`: the text BuildKit's progressui prints in plain mode
// (util/progress/progressui/printer.go, textMux): "#N name" when a step is
// first shown, its sub-statuses with sizes and times, WARN lines, its log
// lines stamped with the seconds since it started, "#N ..." when another
// step interrupts it, and "#N DONE 1.2s" / "#N CACHED" / "#N ERROR: …" at its
// end; the failed steps' last log lines again at the end.
import { Trace, isCompleted, isStarted, mostRecent, mergeIntervals, duration, remember, type Vtx } from './trace.ts';
import type * as ctl from '../../gen/moby.buildkit.v1.ts';

const ANTI_FLICKER = 5000;
const MAX_DELAY = 10000;
const MIN_TIME_DELTA = 5000;
const MIN_PROGRESS_DELTA = 0.05;

/** tonistiigi/units Bytes with %.2f: "123B", "1.23kB", "4.56MB". */
export function formatBytes(n: number): string {
  const names = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let i = 0;
  let base = 1;
  while (Math.abs(n) >= base * 1000 && i < names.length - 1) {
    base *= 1000;
    i++;
  }
  if (i === 0) return `${n}B`;
  return `${(n / base).toFixed(2)}${names[i]}`;
}

const CANCELED = 'context canceled';
const NEWLINE = Buffer.from('\n');

export class PlainPrinter {
  private current = '';
  private readonly last = new Map<string, { current: number; timestamp: number }>();
  private notFirst = false;
  private nextIndex = 0;
  readonly trace = new Trace();
  private lastPrint = 0;
  private timer: NodeJS.Timeout | undefined;

  /** `write` gets text, and a step's log lines and warnings as the bytes the daemon sent (progressui prints them as they are). */
  constructor(private readonly write: (s: string | Uint8Array) => void, private readonly desc = '') {}

  /** A Status message: folded into the trace, printed at most every 100 ms (the rest on a 150 ms tick). */
  update(s: ctl.StatusResponse): void {
    this.trace.update(s);
    const now = Date.now();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), 150);
    if (now - this.lastPrint < 100) return;
    this.lastPrint = now;
    this.print();
  }

  private tick(): void {
    this.print();
    this.timer = setTimeout(() => this.tick(), 150);
  }

  /** The end: prints what is left and the failed steps' logs. */
  done(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.print();
    this.printErrorLogs();
  }

  private printVtx(dgst: string): void {
    const t = this.trace;
    const v = t.byDigest.get(dgst);
    if (v === undefined) return;
    const w = this.write;
    if (v.index === 0) v.index = ++this.nextIndex;
    if (dgst !== this.current) {
      if (this.current !== '') {
        const old = t.byDigest.get(this.current)!;
        if (old.logsPartial) w('\n');
        old.logsOffset = 0;
        old.count = 0;
        w(`#${old.index} ...\n`);
      }
      if (this.notFirst) w('\n');
      else {
        if (this.desc !== '') w(`#0 ${this.desc}\n\n`);
        this.notFirst = true;
      }
      const name = process.env.PROGRESS_NO_TRUNC === '0' && Buffer.byteLength(v.name) > 72 ? Buffer.from(v.name).subarray(0, 72).toString() + '...' : v.name;
      w(`#${v.index} ${name}\n`);
    }
    if (v.events.length !== 0) v.logsOffset = 0;
    for (const ev of v.events) w(`#${v.index} ${ev}\n`);
    v.events = [];

    let openStatus = false;
    for (const s of v.statuses) {
      if (!v.statusUpdates.has(s.id)) continue;
      const last = this.last.get(s.id);
      if (last !== undefined && s.completed === undefined) {
        const progressDelta = s.total > 0 ? (s.current - last.current) / s.total : 0;
        const timeDelta = s.timestamp - last.timestamp;
        if (progressDelta < MIN_PROGRESS_DELTA && timeDelta < MIN_TIME_DELTA) continue;
      }
      this.last.set(s.id, { current: s.current, timestamp: s.timestamp });
      let bytes = '';
      if (s.total !== 0) bytes = ` ${formatBytes(s.current)} / ${formatBytes(s.total)}`;
      else if (s.current !== 0) bytes = ` ${formatBytes(s.current)}`;
      let tm = '';
      const end = s.completed ?? s.timestamp;
      if (s.started !== undefined) {
        const diff = (end - s.started) / 1000;
        if (diff > 0.01) tm = ` ${diff.toFixed(1)}s`;
      }
      if (s.completed !== undefined) tm += ' done';
      else openStatus = true;
      w(`#${v.index} ${s.id}${bytes}${tm}\n`);
    }
    v.statusUpdates.clear();

    for (const warn of v.warnings.slice(v.warningIdx)) {
      w(Buffer.concat([Buffer.from(`#${v.index} WARN: `), warn.short ?? new Uint8Array(), NEWLINE]));
      v.warningIdx++;
    }

    v.logs.forEach((l, i) => {
      let line = l;
      if (i === 0 && v.logsOffset !== 0) {
        line = l.subarray(v.logsOffset);
        w(line);
      } else {
        w(Buffer.concat([Buffer.from(`#${v.index} `), line]));
      }
      if (i !== v.logs.length - 1 || !v.logsPartial) w('\n');
      remember(v, line);
    });
    if (v.logs.length > 0) {
      if (v.logsPartial) {
        v.logs = v.logs.slice(-1);
        v.logsOffset = v.logs[0]!.length;
      } else {
        v.logs = [];
        v.logsOffset = 0;
      }
    }

    this.current = dgst;
    if (isCompleted(v) && !openStatus) {
      this.current = '';
      v.count = 0;
      if (v.logsPartial) w('\n');
      if (v.error !== '') {
        if (v.error.endsWith(CANCELED)) w(`#${v.index} CANCELED\n`);
        else w(`#${v.index} ERROR: ${v.error}\n`);
      } else if (v.cached) {
        w(`#${v.index} CACHED\n`);
      } else {
        const ivals = mergeIntervals([...v.intervals.values()]);
        let tm = '';
        if (ivals.length > 0) tm = ` ${(ivals.reduce((a, i) => a + duration(i), 0) / 1000).toFixed(1)}s`;
        w(`#${v.index} DONE${tm}\n`);
      }
    }
    t.updates.delete(dgst);
  }

  print(): void {
    const t = this.trace;
    const completed = new Set<string>();
    const rest = new Set<string>();
    for (const dgst of t.updates) {
      const v = t.byDigest.get(dgst);
      if (v === undefined) continue;
      if (v.progressGroup !== undefined || v.hidden) continue;
      if (isCompleted(v)) completed.add(dgst);
      else rest.add(dgst);
    }
    const current = this.current;
    if (completed.has(current)) this.printVtx(current);
    const byStop = [...completed].sort((a, b) => (mostRecent(t.byDigest.get(a)!)!.stop ?? 0) - (mostRecent(t.byDigest.get(b)!)!.stop ?? 0));
    for (const dgst of byStop) if (dgst !== current) this.printVtx(dgst);

    if (rest.size === 0) {
      if (current !== '') {
        const v = t.byDigest.get(current)!;
        if (isStarted(v) && !isCompleted(v)) return;
      }
      for (const [dgst, v] of t.byDigest) {
        if (isStarted(v) && !isCompleted(v) && v.progressGroup === undefined && !v.hidden) {
          this.printVtx(dgst);
          return;
        }
      }
      return;
    }
    if (rest.has(current)) this.printVtx(current);

    const stats = new Map<string, { blockTime: number; speed: number; share: number; overLimit: boolean }>();
    const now = Date.now();
    let sum = 0;
    let max = '';
    if (current !== '') rest.add(current);
    for (const dgst of rest) {
      const v = t.byDigest.get(dgst);
      if (v === undefined || v.lastBlockTime === undefined) continue;
      const tm = now - v.lastBlockTime;
      const speed = v.count / (tm / 1000);
      const overLimit = tm > MAX_DELAY && dgst !== current;
      stats.set(dgst, { blockTime: tm, speed, share: 0, overLimit });
      sum += speed;
      if (overLimit || max === '' || stats.get(max)!.speed < speed) max = dgst;
    }
    for (const s of stats.values()) s.share = s.speed / sum;
    if (completed.has(current) || current === '') {
      this.printVtx(max);
      return;
    }
    for (const dgst of rest) {
      if (stats.get(dgst)?.overLimit === true) {
        this.printVtx(dgst);
        return;
      }
    }
    const cur = stats.get(current);
    if (cur !== undefined && (1 / (1 - cur.share)) * (ANTI_FLICKER / 1000) < cur.blockTime / 1000) this.printVtx(max);
  }

  private printErrorLogs(): void {
    for (const v of this.trace.vertexes) {
      if (v.error === '' || v.error.endsWith(CANCELED)) continue;
      const w = this.write;
      w('------\n');
      w(` > ${v.name}:\n`);
      for (const l of v.logs) w(Buffer.concat([l, NEWLINE]));
      for (let i = 0; i < v.ring.length; i++) {
        const line = v.ring[(v.ringPos + i) % v.ring.length];
        if (line !== undefined) w(Buffer.concat([line, NEWLINE]));
      }
      w('------\n');
    }
  }
}

export type { Vtx };
