// Copies the running node binary and every shared library it has loaded into
// a directory, each at the path the dynamic loader used, so that the
// directory, as the root of an otherwise empty image, runs node.
//
// Usage: node node-rootfs.cjs OUT [BIN]
//   OUT  the directory to fill (made if missing)
//   BIN  where node goes inside OUT (default /usr/local/bin/node, as in the
//        official node images)
//
// It needs nothing but node itself (no shell, ldd or cp), so it works in a
// build stage from any image with node on it: the official node:20-bookworm-slim,
// the e2e stand-in, or a distroless one. The list of libraries is the one
// Node's diagnostic report gives (what the loader mapped, the loader itself
// included); the interpreter named by the binary's ELF header is checked
// against it, since without the loader at that exact path nothing starts.
// A node built with builtins kept outside the binary (Debian's: acorn,
// undici, cjs-module-lexer under /usr/share/nodejs, named in
// process.config as NODE_SHARED_BUILTIN_*_PATH) reads them at start-up, so
// they are copied too.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [out, bin = '/usr/local/bin/node'] = process.argv.slice(2);
if (!out) {
  console.error('usage: node node-rootfs.cjs OUT [BIN]');
  process.exit(2);
}

/** The PT_INTERP string of an ELF file (64-bit little-endian), or undefined for a static binary. */
function elfInterpreter(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(64);
    fs.readSync(fd, head, 0, 64, 0);
    if (head.readUInt32BE(0) !== 0x7f454c46 || head[4] !== 2 || head[5] !== 1) {
      throw new Error(`${file}: not a 64-bit little-endian ELF file`);
    }
    const phoff = Number(head.readBigUInt64LE(32));
    const phentsize = head.readUInt16LE(54);
    const phnum = head.readUInt16LE(56);
    const ph = Buffer.alloc(phentsize * phnum);
    fs.readSync(fd, ph, 0, ph.length, phoff);
    for (let i = 0; i < phnum; i++) {
      const e = ph.subarray(i * phentsize);
      if (e.readUInt32LE(0) !== 3) continue; // PT_INTERP
      const s = Buffer.alloc(Number(e.readBigUInt64LE(32)));
      fs.readSync(fd, s, 0, s.length, Number(e.readBigUInt64LE(8)));
      return s.toString('latin1').replace(/\0.*$/s, '');
    }
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies FROM's content (symbolic links followed) to OUT/TO. */
function put(from, to) {
  const dest = path.join(out, to);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.copyFileSync(fs.realpathSync(from), dest);
  fs.chmodSync(dest, fs.statSync(from).mode & 0o777);
  return fs.statSync(dest).size;
}

const libs = process.report
  .getReport()
  .sharedObjects.filter((f) => path.isAbsolute(f) && fs.existsSync(f));
const interp = elfInterpreter(process.execPath);
if (interp !== undefined && !libs.includes(interp)) {
  if (!fs.existsSync(interp)) {
    console.error(`node-rootfs: ${process.execPath} names the loader ${interp}, which is missing`);
    process.exit(1);
  }
  libs.push(interp);
}
const defines = process.config.target_defaults?.defines ?? [];
const builtins = defines
  .map((d) => /^NODE_SHARED_BUILTIN_\w+_PATH=(.+)$/.exec(String(d))?.[1])
  .filter((f) => f !== undefined && fs.existsSync(f));
let total = put(process.execPath, bin);
for (const lib of libs) total += put(lib, lib);
for (const f of builtins) total += put(f, f);
console.log(
  `node-rootfs: ${process.execPath} (node ${process.version} ${process.arch}) as ${bin} ` +
    `with ${libs.length} libraries${builtins.length ? ` and ${builtins.length} external builtins` : ''}, ` +
    `${(total / 1048576).toFixed(1)} MiB, into ${out}`,
);
