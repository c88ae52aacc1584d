// EnvList, the one variable list (states, global build args, the lexer's
// lookups): its order and override rules are Go llb's (AddOrReplace moves a
// key last, Delete removes it, SetDefault only adds), and every version stays
// what it was. Checked against a plain-array model of those rules on random
// operation sequences that branch from old versions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EnvList } from '../../src/llb/env.ts';

type Model = readonly (readonly [string, string])[];

const model = {
  set: (m: Model, k: string, v: string): Model => [...m.filter(([x]) => x !== k), [k, v]],
  setDefault: (m: Model, k: string, v: string): Model => (m.some(([x]) => x === k) ? m : model.set(m, k, v)),
  delete: (m: Model, k: string): Model => m.filter(([x]) => x !== k),
};

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function check(env: EnvList, m: Model, keys: readonly string[]): void {
  assert.deepEqual(env.toArray(), m.map(([k, v]) => `${k}=${v}`));
  assert.deepEqual(env.keys(), m.map(([k]) => k));
  assert.deepEqual(env.entries(), m.map(([k, v]) => [k, v]));
  assert.equal(env.size, m.length);
  for (const k of keys) {
    const e = m.find(([x]) => x === k);
    assert.equal(env.get(k), e?.[1]);
    assert.equal(env.has(k), e !== undefined);
  }
}

// A short list is an array and a long one trees (SMALL in src/llb/env.ts is
// 32): the second key set reaches past that, so versions cross between the two
// both ways (a list grows into trees; deleting does not go back), and every
// one is checked against the model.
for (const [name, keys] of [
  ['few keys', ['A', 'a', 'B', 'PATH', 'path', 'C', '', 'A B']],
  ['more keys than a short list holds', Array.from({ length: 48 }, (_, i) => `K${i}`)],
] as const)
test(`EnvList follows Go llb order and override rules, and old versions never change (${name})`, () => {
  for (let seed = 1; seed <= 40; seed++) {
    const r = rng(seed);
    const versions: { env: EnvList; m: Model }[] = [{ env: EnvList.empty, m: [] }];
    for (let step = 0; step < (keys.length > 32 ? 400 : 120); step++) {
      // Branch from any earlier version: states share and fork their lists.
      // (With many keys mostly from the newest, so that lists grow past a short one.)
      const from = keys.length > 32 && r() < 0.85 ? versions[versions.length - 1]! : versions[Math.floor(r() * versions.length)]!;
      const k = keys[Math.floor(r() * keys.length)]!;
      const v = `v${step}`;
      const op = r();
      const next =
        op < (keys.length > 32 ? 0.85 : 0.6)
          ? { env: from.env.set(k, v), m: model.set(from.m, k, v) }
          : op < (keys.length > 32 ? 0.93 : 0.8)
            ? { env: from.env.setDefault(k, v), m: model.setDefault(from.m, k, v) }
            : { env: from.env.delete(k), m: model.delete(from.m, k) };
      versions.push(next);
    }
    for (const { env, m } of versions) check(env, m, keys);
  }
});

test('EnvList.from sets entries in order; later duplicates win and move last', () => {
  const env = EnvList.from([
    ['A', '1'],
    ['B', '2'],
    ['A', '3'],
  ]);
  assert.deepEqual(env.toArray(), ['B=2', 'A=3']);
});

// The cost of one set must not grow with the list (each ARG and ENV used to
// copy the whole list). Operations on a list of 200,000 entries against the
// same on a list of 1,000: a copying list is about 200 times slower, a
// balanced tree less than 2 times; the bound sits far from both.
test('EnvList.set does not copy the list: cost per set nearly independent of its size', () => {
  const build = (n: number): EnvList => {
    let env = EnvList.empty;
    for (let i = 0; i < n; i++) env = env.set(`K${i}`, 'x');
    return env;
  };
  const small = build(1_000);
  const large = build(200_000);
  const cpu = (env: EnvList): number => {
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const start = process.cpuUsage();
      for (let i = 0; i < 2_000; i++) {
        env.set(`K${i % 500}`, 'y');
        env.set(`N${i}`, 'y');
        env.get(`K${i}`);
      }
      const d = process.cpuUsage(start);
      best = Math.min(best, d.user + d.system);
    }
    return Math.max(best, 1);
  };
  cpu(small); // warm-up: compile the code paths first
  const ratio = cpu(large) / cpu(small);
  assert.ok(ratio < 20, `sets on 200,000 entries cost ${ratio.toFixed(1)} times those on 1,000`);
});

// setAll (a stage's image Env set into its state, issue 11: a FROM chain of
// 2,000 stages set every earlier stage's Env again, a tree insertion each):
// the same list as set one by one, and when the list already ends with the
// entries, the very same list (no insertion at all).
test('EnvList.setAll is set one by one; a list already ending with the entries is returned as it is', () => {
  const r = rng(7);
  const keys = ['A', 'B', 'C', 'D', 'E', 'F'];
  for (let round = 0; round < 400; round++) {
    let env = EnvList.empty;
    let m: Model = [];
    for (let i = Math.floor(r() * 6); i > 0; i--) {
      const k = keys[Math.floor(r() * keys.length)];
      const v = String(Math.floor(r() * 3));
      env = env.set(k, v);
      m = model.set(m, k, v);
    }
    // Entries: random, or the list's own tail (with a changed value now and then).
    const tail = m.slice(Math.floor(r() * (m.length + 1)));
    const entries: [string, string][] =
      r() < 0.5 ? tail.map(([k, v]) => [k, r() < 0.1 ? v + 'x' : v]) : Array.from({ length: Math.floor(r() * 4) }, () => [keys[Math.floor(r() * keys.length)], String(Math.floor(r() * 3))]);
    const got = env.setAll(entries);
    let want = m;
    for (const [k, v] of entries) want = model.set(want, k, v);
    check(got, want, keys);
    const unchanged = want.length === m.length && want.every(([k, v], i) => k === m[i][0] && v === m[i][1]);
    if (entries.length > 0 && tail.length === entries.length && entries.every(([k, v], i) => k === tail[i][0] && v === tail[i][1])) {
      assert.equal(got, env, 'a list ending with the entries is returned as it is');
    } else if (!unchanged) {
      assert.notEqual(got, env);
    }
  }
});
