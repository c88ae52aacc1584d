// The state of a build's progress as BuildKit's progressui keeps it
// (util/progress/progressui/display.go, trace): vertices by digest, their
// run intervals, sub-statuses, logs split into lines stamped with the time
// since the step started, warnings, and progress groups merged into one.
import type * as ctl from '../../gen/moby.buildkit.v1.ts';
import type { Timestamp } from '../../gen/google.protobuf.ts';

/** A time in milliseconds since the epoch (with sub-millisecond fraction). */
export type Time = number;

export function toTime(t: Timestamp | undefined): Time | undefined {
  if (t === undefined) return undefined;
  return Number(t.seconds ?? 0) * 1000 + (t.nanos ?? 0) / 1e6;
}

export interface Interval {
  start: Time;
  stop?: Time;
}

export function duration(i: Interval, now = Date.now()): number {
  return (i.stop ?? now) - i.start;
}

/** progressui's mergeIntervals: overlapping intervals joined; an open one swallows all after it. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  if (sorted.length === 0) return [];
  const merged: Interval[] = [];
  let cur = sorted[0]!;
  for (let i = 1; i < sorted.length; i++) {
    const next = sorted[i]!;
    if (cur.stop === undefined) {
      merged.push(cur);
      return merged;
    }
    if (cur.stop < next.start) {
      merged.push(cur);
      cur = next;
      continue;
    }
    if (next.stop === undefined) {
      merged.push({ start: cur.start });
      return merged;
    }
    if (cur.stop >= next.stop) continue;
    cur = { start: cur.start, stop: next.stop };
  }
  merged.push(cur);
  return merged;
}

export interface VStatus {
  id: string;
  current: number;
  total: number;
  timestamp: Time;
  started?: Time;
  completed?: Time;
}

export interface Vtx {
  digest: string;
  name: string;
  cached: boolean;
  error: string;
  started?: Time;
  completed?: Time;
  progressGroup?: { id: string; name: string; weak: boolean };
  /** Index in the plain printout (#N), 0 until printed. */
  index: number;
  statuses: VStatus[];
  byID: Map<string, VStatus>;
  statusUpdates: Set<string>;
  logs: Buffer[];
  logsPartial: boolean;
  logsOffset: number;
  /** The last lines printed (a ring of 10, progressui's logsBuffer), printed again under a failed step. */
  ring: (Buffer | undefined)[];
  ringPos: number;
  events: string[];
  lastBlockTime?: number;
  count: number;
  warnings: ctl.VertexWarning[];
  warningIdx: number;
  intervals: Map<number, Interval>;
  merged: Interval[];
  hidden: boolean;
  prev?: { name: string; started?: Time; completed?: Time; cached: boolean; error: string };
  /** Raw log bytes, for the live view's tail of a running step. */
  tail: string[];
}

function newVtx(digest: string, name = ''): Vtx {
  return {
    digest, name, cached: false, error: '', index: 0, statuses: [], byID: new Map(), statusUpdates: new Set(),
    logs: [], logsPartial: false, logsOffset: 0, ring: new Array<Buffer | undefined>(LOGS_BUFFER).fill(undefined), ringPos: 0, events: [], count: 0, warnings: [], warningIdx: 0,
    intervals: new Map(), merged: [], hidden: false, tail: [],
  };
}

export function isStarted(v: Vtx): boolean {
  return v.merged.length > 0;
}

export function isCompleted(v: Vtx): boolean {
  const last = v.merged[v.merged.length - 1];
  return last !== undefined && last.stop !== undefined;
}

export function mostRecent(v: Vtx): Interval | undefined {
  return v.merged[v.merged.length - 1];
}

function bump(v: Vtx, c: number): void {
  if (v.count === 0) v.lastBlockTime = Date.now();
  v.count += c;
}

const LOGS_BUFFER = 10;

interface Group {
  vtx: Vtx;
  subs: Map<string, ctl.Vertex>;
}

export class Trace {
  startTime?: Time;
  /** Started vertices in the order they started. */
  readonly vertexes: Vtx[] = [];
  readonly byDigest = new Map<string, Vtx>();
  readonly updates = new Set<string>();
  private readonly groups = new Map<string, Group>();
  /** Every warning, in order, for the summary. */
  readonly allWarnings: ctl.VertexWarning[] = [];

  private triggerEvent(v: ctl.Vertex, vtx: Vtx): void {
    const started = toTime(v.started);
    if (started === undefined) return;
    const completed = toTime(v.completed);
    const old = vtx.prev;
    let changed = old === undefined;
    if (old !== undefined) {
      if ((v.name ?? '') !== old.name) changed = true;
      if (old.started === undefined || started !== old.started) changed = true;
      if (completed !== undefined && completed !== old.completed) changed = true;
      if ((v.cached ?? false) !== old.cached) changed = true;
      if ((v.error ?? '') !== old.error) changed = true;
    }
    if (changed) {
      bump(vtx, 1);
      this.updates.add(v.digest ?? '');
    }
    vtx.prev = { name: v.name ?? '', started, completed, cached: v.cached ?? false, error: v.error ?? '' };
  }

  update(s: ctl.StatusResponse): void {
    const seenGroups: string[] = [];
    for (const v of s.vertexes ?? []) {
      const digest = v.digest ?? '';
      const started = toTime(v.started);
      const completed = toTime(v.completed);
      if (this.startTime === undefined) this.startTime = started;
      const pg = v.progressGroup;
      if (pg !== undefined) {
        const gid = pg.id ?? '';
        let g = this.groups.get(gid);
        if (g === undefined) {
          const vtx = newVtx(gid, pg.name ?? '');
          vtx.hidden = true;
          g = { vtx, subs: new Map() };
          this.groups.set(gid, g);
          this.byDigest.set(gid, vtx);
        }
        if (!seenGroups.includes(gid)) seenGroups.push(gid);
        g.subs.set(digest, v);
        this.byDigest.set(digest, g.vtx);
        continue;
      }
      const prev = this.byDigest.get(digest);
      if (prev === undefined) this.byDigest.set(digest, newVtx(digest));
      const vtx = this.byDigest.get(digest)!;
      const wasStarted = prev !== undefined && isStarted(prev);
      this.triggerEvent(v, vtx);
      if (started !== undefined && !wasStarted) this.vertexes.push(vtx);
      if (!wasStarted || started !== undefined) {
        vtx.name = v.name ?? '';
        vtx.cached = v.cached ?? false;
        vtx.error = v.error ?? '';
        vtx.started = started;
        vtx.completed = completed;
      }
      if (started !== undefined) {
        vtx.intervals.set(started, { start: started, stop: completed });
        vtx.merged = mergeIntervals([...vtx.intervals.values()]);
      }
    }
    for (const gid of seenGroups) {
      const g = this.groups.get(gid)!;
      const { changed, revealed } = this.refreshGroup(g);
      if (g.vtx.hidden) continue;
      if (revealed) this.vertexes.push(g.vtx);
      if (changed) {
        bump(g.vtx, 1);
        this.updates.add(g.vtx.digest);
      }
    }
    for (const st of s.statuses ?? []) {
      const v = this.byDigest.get(st.vertex ?? '');
      if (v === undefined) continue;
      const id = st.ID ?? '';
      const prev = v.byID.get(id);
      const next: VStatus = {
        id,
        current: Number(st.current ?? 0),
        total: Number(st.total ?? 0),
        timestamp: toTime(st.timestamp) ?? 0,
        started: toTime(st.started),
        completed: toTime(st.completed),
      };
      if (prev === undefined) v.byID.set(id, next);
      if (next.started !== undefined && (prev === undefined || prev.started === undefined)) v.statuses.push(v.byID.get(id)!);
      Object.assign(v.byID.get(id)!, next);
      v.statusUpdates.add(id);
      this.updates.add(v.digest);
      bump(v, 1);
    }
    for (const w of s.warnings ?? []) {
      this.allWarnings.push(w);
      const v = this.byDigest.get(w.vertex ?? '');
      if (v === undefined) continue;
      v.warnings.push(w);
      bump(v, 1);
    }
    for (const l of s.logs ?? []) {
      const v = this.byDigest.get(l.vertex ?? '');
      if (v === undefined) continue;
      const data = Buffer.from(l.msg ?? new Uint8Array());
      appendTail(v, data);
      let i = 0;
      const complete = splitLines(data, (dt) => {
        if (v.logsPartial && v.logs.length !== 0 && i === 0) {
          v.logs[v.logs.length - 1] = Buffer.concat([v.logs[v.logs.length - 1]!, dt]);
        } else {
          const ival = mostRecent(v);
          const ts = ival !== undefined ? ((toTime(l.timestamp) ?? 0) - ival.start) / 1000 : 0;
          const prec = ts < 10 ? 3 : ts < 100 ? 2 : 1;
          v.logs.push(Buffer.concat([Buffer.from(`${ts.toFixed(prec)} `), dt]));
        }
        i++;
      });
      v.logsPartial = !complete;
      this.updates.add(v.digest);
      bump(v, 1);
    }
  }

  private refreshGroup(g: Group): { changed: boolean; revealed: boolean } {
    const vg = g.vtx;
    let changed = false;
    const wasHidden = vg.hidden;
    let cached = true;
    let error = '';
    for (const sub of g.subs.values()) {
      const started = toTime(sub.started);
      if (started !== undefined) {
        const ival: Interval = { start: started, stop: toTime(sub.completed) };
        const prev = vg.intervals.get(started);
        if (prev === undefined || prev.stop !== ival.stop) changed = true;
        vg.intervals.set(started, ival);
        if (sub.progressGroup?.weak !== true) vg.hidden = false;
      }
      cached = cached && (sub.cached ?? false);
      if (error === '') error = sub.error ?? '';
      else vg.hidden = false;
    }
    if (vg.cached !== cached || vg.error !== error) changed = true;
    vg.cached = cached;
    vg.error = error;
    const revealed = !vg.hidden && wasHidden;
    if (revealed) changed = true;
    vg.merged = mergeIntervals([...vg.intervals.values()]);
    return { changed, revealed };
  }

}

/** Keeps a printed line in the step's ring, moving on unless its log ends in a partial line (as progressui does). */
export function remember(v: Vtx, line: Buffer): void {
  v.ring[v.ringPos] = line;
  if (!v.logsPartial) v.ringPos = (v.ringPos + 1) % LOGS_BUFFER;
}

function appendTail(v: Vtx, data: Buffer): void {
  const text = data.toString();
  const parts = text.split('\n');
  if (v.tail.length > 0 && !v.tail[v.tail.length - 1]!.endsWith('\n')) v.tail[v.tail.length - 1] += parts.shift() ?? '';
  for (const p of parts) if (p !== '') v.tail.push(p);
  if (v.tail.length > 6) v.tail.splice(0, v.tail.length - 6);
}

/** progressui's split: calls fn for each line (without "\n"); false when the data does not end with one. */
function splitLines(dt: Buffer, fn: (line: Buffer) => void): boolean {
  if (dt.length === 0) return false;
  for (;;) {
    if (dt.length === 0) return true;
    const idx = dt.indexOf(10);
    if (idx === -1) {
      fn(dt);
      return false;
    }
    fn(dt.subarray(0, idx));
    dt = dt.subarray(idx + 1);
  }
}
