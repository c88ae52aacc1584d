import {
  Caps,
  Output,
  SourceMap,
  State,
  __export,
  basePath,
  chownFromString,
  cleanPath,
  copy,
  definitionOps,
  familiarString,
  formatPlatform,
  formatPlatformAll,
  fromOCIPlatform,
  git,
  goJSONStringify,
  goParseInt64,
  goQuote,
  hostPlatform,
  http,
  image,
  isAbsPath,
  joinPath,
  local,
  marshalVertex,
  merge,
  mkdir,
  mkfile,
  normalizePlatform,
  ociLayout,
  parse,
  parseGoBool,
  parseGoInt32,
  parseGoUint32,
  parseNormalizedNamed,
  parsePlatform,
  scratch,
  sha256Digest,
  tagNameOnly,
  validateDigest,
  verifyDigest,
  withDigest
} from "./chunk-WQIOXWXE.js";

// src/dockerfile/errors.ts
var DockerfileError = class extends Error {
  /** Every location this error is about, innermost first; may be empty. */
  ranges;
  constructor(message, ranges = []) {
    super(message);
    this.name = "DockerfileError";
    this.ranges = ranges;
  }
  /** First line this error points at, or 0 when it has no location. */
  get line() {
    return this.ranges.length > 0 ? this.ranges[0].start : 0;
  }
};
function withLocation(err, range) {
  if (err instanceof DockerfileError) {
    return new DockerfileError(err.message, [...err.ranges, range]);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new DockerfileError(message, [range]);
}

// src/dockerfile/parser/bytes.ts
var NON_ASCII = /[\x80-\xff]/;
function toByteString(input) {
  if (typeof input === "string") {
    for (let i = 0; i < input.length; i++) {
      if (input.charCodeAt(i) >= 128) return Buffer.from(input, "utf8").toString("latin1");
    }
    return input;
  }
  return Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString("latin1");
}
function fromByteString(s) {
  if (!NON_ASCII.test(s)) return s;
  return Buffer.from(s, "latin1").toString("utf8");
}
var REPLACEMENT_BYTES = "\xEF\xBF\xBD";
var runeWidth = 1;
function decodeRune(s, i) {
  const b0 = s.charCodeAt(i);
  runeWidth = 1;
  if (b0 < 128) return b0;
  const n = s.length;
  if (b0 >= 194 && b0 <= 223) {
    const b1 = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    if ((b1 & 192) !== 128) return 65533;
    runeWidth = 2;
    return (b0 & 31) << 6 | b1 & 63;
  }
  if (b0 >= 224 && b0 <= 239) {
    const b1 = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    const lo = b0 === 224 ? 160 : 128;
    const hi = b0 === 237 ? 159 : 191;
    if (b1 < lo || b1 > hi) return 65533;
    const b2 = i + 2 < n ? s.charCodeAt(i + 2) : 0;
    if ((b2 & 192) !== 128) return 65533;
    runeWidth = 3;
    return (b0 & 15) << 12 | (b1 & 63) << 6 | b2 & 63;
  }
  if (b0 >= 240 && b0 <= 244) {
    const b1 = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    const lo = b0 === 240 ? 144 : 128;
    const hi = b0 === 244 ? 143 : 191;
    if (b1 < lo || b1 > hi) return 65533;
    const b2 = i + 2 < n ? s.charCodeAt(i + 2) : 0;
    const b3 = i + 3 < n ? s.charCodeAt(i + 3) : 0;
    if ((b2 & 192) !== 128 || (b3 & 192) !== 128) return 65533;
    runeWidth = 4;
    return (b0 & 7) << 18 | (b1 & 63) << 12 | (b2 & 63) << 6 | b3 & 63;
  }
  return 65533;
}
function lastRuneStart(s, end) {
  const last = end - 1;
  if (s.charCodeAt(last) < 128) return last;
  const lim = Math.max(0, end - 4);
  let start = last;
  while (start > lim && (s.charCodeAt(start) & 192) === 128) start--;
  decodeRune(s, start);
  return start + runeWidth === end ? start : last;
}
function isSpaceRune(r) {
  if (r <= 255) {
    return r === 32 || r >= 9 && r <= 13 || r === 133 || r === 160;
  }
  return r === 5760 || r >= 8192 && r <= 8202 || r === 8232 || r === 8233 || r === 8239 || r === 8287 || r === 12288;
}
function isSpaceByte(b) {
  return b === 32 || b >= 9 && b <= 13 || b === 133 || b === 160;
}
function skipSpaces(s, from) {
  let i = from;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c === 32 || c >= 9 && c <= 13) {
        i++;
        continue;
      }
      return i;
    }
    const r = decodeRune(s, i);
    if (!isSpaceRune(r)) return i;
    i += runeWidth;
  }
  return i;
}
function trimLeftSpace(s) {
  const i = skipSpaces(s, 0);
  return i === 0 ? s : s.slice(i);
}
function trimSpace(s) {
  const start = skipSpaces(s, 0);
  let end = s.length;
  while (end > start) {
    const c = s.charCodeAt(end - 1);
    if (c < 128) {
      if (c === 32 || c >= 9 && c <= 13) {
        end--;
        continue;
      }
      break;
    }
    const rs = lastRuneStart(s, end);
    const r = rs === end - 1 ? 65533 : decodeRune(s, rs);
    if (!isSpaceRune(r)) break;
    end = rs;
  }
  return start === 0 && end === s.length ? s : s.slice(start, end);
}
var ASCII_BLANKS = /[\t\v\f\r ]+/;
function splitAsciiBlanks(s) {
  return s.split(ASCII_BLANKS);
}
function goDecode(s) {
  if (!NON_ASCII.test(s)) return s;
  let out = "";
  let i = 0;
  while (i < s.length) {
    const r = decodeRune(s, i);
    out += String.fromCodePoint(r);
    i += runeWidth;
  }
  return out;
}

// src/dockerfile/parser/json-array.ts
var INVALID = { kind: "invalid" };
var NOT_STRINGS = { kind: "not-strings" };
var Reader = class {
  constructor(s) {
    this.s = s;
  }
  s;
  pos = 0;
  /** Set when a number does not fit a float64 (Go's UnmarshalTypeError). */
  overflow = false;
  skipWs() {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }
};
function parseJsonArray(text) {
  const start = skipSpaces(text, 0);
  if (text.charCodeAt(start) !== 91) return INVALID;
  const r = new Reader(text);
  r.pos = start;
  let top;
  try {
    top = readArray(r);
    r.skipWs();
    if (r.pos !== text.length) return INVALID;
  } catch {
    return INVALID;
  }
  if (r.overflow) return INVALID;
  const values = [];
  for (const v of top) {
    if (typeof v !== "string") return NOT_STRINGS;
    values.push(v);
  }
  return { kind: "strings", values };
}
var SyntaxErr = class extends Error {
};
function fail() {
  throw new SyntaxErr("invalid JSON");
}
function readValue(r) {
  r.skipWs();
  const c = r.s.charCodeAt(r.pos);
  switch (c) {
    case 91:
      return readArray(r);
    case 123:
      return readObject(r);
    case 34:
      return readString(r);
    case 116:
      return readLiteral(r, "true", true);
    case 102:
      return readLiteral(r, "false", false);
    case 110:
      return readLiteral(r, "null", null);
    default:
      if (c === 45 || c >= 48 && c <= 57) return readNumber(r);
      return fail();
  }
}
function readArray(r) {
  r.pos++;
  const out = [];
  r.skipWs();
  if (r.s.charCodeAt(r.pos) === 93) {
    r.pos++;
    return out;
  }
  for (; ; ) {
    out.push(readValue(r));
    r.skipWs();
    const c = r.s.charCodeAt(r.pos++);
    if (c === 93) return out;
    if (c !== 44) fail();
  }
}
function readObject(r) {
  r.pos++;
  r.skipWs();
  if (r.s.charCodeAt(r.pos) === 125) {
    r.pos++;
    return {};
  }
  for (; ; ) {
    r.skipWs();
    if (r.s.charCodeAt(r.pos) !== 34) fail();
    readString(r);
    r.skipWs();
    if (r.s.charCodeAt(r.pos++) !== 58) fail();
    readValue(r);
    r.skipWs();
    const c = r.s.charCodeAt(r.pos++);
    if (c === 125) return {};
    if (c !== 44) fail();
  }
}
function readLiteral(r, word, value) {
  if (!r.s.startsWith(word, r.pos)) fail();
  r.pos += word.length;
  return value;
}
var NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
function readNumber(r) {
  NUMBER.lastIndex = r.pos;
  const m = NUMBER.exec(r.s);
  if (m === null) fail();
  r.pos += m[0].length;
  const v = Number(m[0]);
  if (!Number.isFinite(v)) r.overflow = true;
  return v;
}
function hex4(s, at) {
  if (at + 4 > s.length) return -1;
  let v = 0;
  for (let i = at; i < at + 4; i++) {
    const c = s.charCodeAt(i);
    let d;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    else if (c >= 65 && c <= 70) d = c - 55;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}
function runeBytes(cp) {
  if (cp < 128) return String.fromCharCode(cp);
  if (cp < 2048) return String.fromCharCode(192 | cp >> 6, 128 | cp & 63);
  if (cp < 65536) {
    return String.fromCharCode(224 | cp >> 12, 128 | cp >> 6 & 63, 128 | cp & 63);
  }
  return String.fromCharCode(
    240 | cp >> 18,
    128 | cp >> 12 & 63,
    128 | cp >> 6 & 63,
    128 | cp & 63
  );
}
function readString(r) {
  const s = r.s;
  let i = r.pos + 1;
  let out = "";
  let runStart = i;
  for (; ; ) {
    if (i >= s.length) fail();
    const c = s.charCodeAt(i);
    if (c === 34) {
      out += s.slice(runStart, i);
      r.pos = i + 1;
      return out;
    }
    if (c < 32) fail();
    if (c < 128) {
      if (c !== 92) {
        i++;
        continue;
      }
      out += s.slice(runStart, i);
      const e = s.charCodeAt(i + 1);
      i += 2;
      switch (e) {
        case 34:
        case 92:
        case 47:
          out += String.fromCharCode(e);
          break;
        case 98:
          out += "\b";
          break;
        case 102:
          out += "\f";
          break;
        case 110:
          out += "\n";
          break;
        case 114:
          out += "\r";
          break;
        case 116:
          out += "	";
          break;
        case 117: {
          let cp = hex4(s, i);
          if (cp < 0) fail();
          i += 4;
          if (cp >= 55296 && cp < 57344) {
            const lo = s.charCodeAt(i) === 92 && s.charCodeAt(i + 1) === 117 ? hex4(s, i + 2) : -1;
            if (cp < 56320 && lo >= 56320 && lo < 57344) {
              cp = 65536 + (cp - 55296 << 10) + (lo - 56320);
              i += 6;
            } else {
              cp = 65533;
            }
          }
          out += runeBytes(cp);
          break;
        }
        default:
          fail();
      }
      runStart = i;
      continue;
    }
    decodeRune(s, i);
    if (runeWidth === 1) {
      out += s.slice(runStart, i) + REPLACEMENT_BYTES;
      i++;
      runStart = i;
    } else {
      i += runeWidth;
    }
  }
}

// src/dockerfile/parser/split-command.ts
function isKeywordBlank(c) {
  return c === 32 || c === 9 || c >= 11 && c <= 13;
}
function splitCommand(line, escapeToken) {
  const trimmed = trimSpace(line);
  const n = trimmed.length;
  let i = 0;
  while (i < n && !isKeywordBlank(trimmed.charCodeAt(i))) i++;
  if (i === n) return { keyword: trimmed, flags: [], rest: "" };
  let j = i + 1;
  while (j < n && isKeywordBlank(trimmed.charCodeAt(j))) j++;
  const { rest, flags } = extractFlags(trimmed.slice(j), escapeToken);
  return { keyword: trimmed.slice(0, i), flags, rest: trimSpace(rest) };
}
function extractFlags(line, escapeToken) {
  let Phase;
  ((Phase2) => {
    Phase2[Phase2["Spaces"] = 0] = "Spaces";
    Phase2[Phase2["Word"] = 1] = "Word";
    Phase2[Phase2["Quote"] = 2] = "Quote";
  })(Phase || (Phase = {}));
  const flags = [];
  const n = line.length;
  let phase = 0 /* Spaces */;
  let word = "";
  let quote = 0;
  let blankOK = false;
  for (let pos = 0; pos <= n; pos++) {
    const atEnd = pos === n;
    let ch = atEnd ? -1 : line.charCodeAt(pos);
    if (phase === 0 /* Spaces */) {
      if (atEnd) break;
      if (isSpaceByte(ch)) continue;
      if (ch !== 45 || pos + 1 === n || line.charCodeAt(pos + 1) !== 45) {
        return { rest: line.slice(pos), flags };
      }
      phase = 1 /* Word */;
    }
    if (atEnd) {
      if (word !== "--" && (blankOK || word.length > 0)) flags.push(word);
      break;
    }
    if (phase === 1 /* Word */) {
      if (isSpaceByte(ch)) {
        if (word === "--") return { rest: line.slice(pos), flags };
        if (blankOK || word.length > 0) flags.push(word);
        phase = 0 /* Spaces */;
        word = "";
        blankOK = false;
        continue;
      }
      if (ch === 39 || ch === 34) {
        quote = ch;
        blankOK = true;
        phase = 2 /* Quote */;
        continue;
      }
      if (ch === escapeToken) {
        if (pos + 1 === n) continue;
        pos++;
        ch = line.charCodeAt(pos);
      } else if (ch < 128) {
        let end = pos + 1;
        while (end < n) {
          const c = line.charCodeAt(end);
          if (c >= 128 || c === 39 || c === 34 || c === escapeToken || isSpaceByte(c)) break;
          end++;
        }
        word += line.slice(pos, end);
        pos = end - 1;
        continue;
      }
      word += byteAsRune(ch);
      continue;
    }
    if (ch === quote) {
      phase = 1 /* Word */;
      continue;
    }
    if (ch === escapeToken) {
      if (pos + 1 === n) {
        phase = 1 /* Word */;
        continue;
      }
      pos++;
      ch = line.charCodeAt(pos);
    }
    word += byteAsRune(ch);
  }
  return { rest: "", flags };
}
function byteAsRune(b) {
  if (b < 128) return String.fromCharCode(b);
  return String.fromCharCode(192 | b >> 6, 128 | b & 63);
}

// src/dockerfile/parser/words.ts
var SINGLE = 39;
var DOUBLE = 34;
function parseWords(rest, escapeToken) {
  const words = [];
  const n = rest.length;
  let inWord = false;
  let quote = 0;
  let blankOK = false;
  let word = "";
  const put = (pos2, r, w) => {
    word += r === 65533 && w === 1 ? REPLACEMENT_BYTES : rest.slice(pos2, pos2 + w);
  };
  let pos = 0;
  while (pos < n) {
    let ch = decodeRune(rest, pos);
    let w = runeWidth;
    if (!inWord) {
      if (isSpaceRune(ch)) {
        pos += w;
        continue;
      }
      inWord = true;
    }
    if (quote === 0) {
      if (isSpaceRune(ch)) {
        if (blankOK || word.length > 0) words.push(word);
        word = "";
        blankOK = false;
        inWord = false;
        pos += w;
        continue;
      }
      if (ch === SINGLE || ch === DOUBLE) {
        quote = ch;
        blankOK = true;
      }
      if (ch === escapeToken) {
        if (pos + w === n) {
          pos += w;
          continue;
        }
        put(pos, ch, w);
        pos += w;
        ch = decodeRune(rest, pos);
        w = runeWidth;
      }
      put(pos, ch, w);
      pos += w;
      continue;
    }
    const closing = ch === quote;
    if (ch === escapeToken && quote !== SINGLE) {
      if (pos + w === n) {
        quote = 0;
        pos += w;
        continue;
      }
      put(pos, ch, w);
      pos += w;
      ch = decodeRune(rest, pos);
      w = runeWidth;
    }
    if (closing) quote = 0;
    put(pos, ch, w);
    pos += w;
  }
  if (inWord && (blankOK || word.length > 0)) words.push(word);
  return words;
}

// src/dockerfile/parser/arguments.ts
var NONE = { args: [], json: false };
var NOT_STRINGS2 = "when using JSON array syntax, arrays must be comprised of strings only";
var maybeJson = (rest) => {
  if (rest === "") return NONE;
  const j = parseJsonArray(rest);
  if (j.kind === "strings") return { args: j.values, json: true };
  if (j.kind === "not-strings") throw new DockerfileError(NOT_STRINGS2);
  return { args: [rest], json: false };
};
var whitespaceList = (rest) => rest === "" ? NONE : { args: splitAsciiBlanks(rest), json: false };
var maybeJsonList = (rest, esc) => {
  const j = parseJsonArray(rest);
  if (j.kind === "strings") return { args: j.values, json: true };
  if (j.kind === "not-strings") throw new DockerfileError(NOT_STRINGS2);
  return whitespaceList(rest, esc);
};
var single = (rest) => rest === "" ? NONE : { args: [rest], json: false };
function nameValue(keyword) {
  return (rest, esc) => {
    const words = parseWords(rest, esc);
    if (words.length === 0) return NONE;
    if (!words[0].includes("=")) {
      const m = /[\t\v\f\r ]+/.exec(rest);
      if (m === null) throw new DockerfileError(`${keyword} must have two arguments`);
      return { args: [rest.slice(0, m.index), rest.slice(m.index + m[0].length), ""], json: false };
    }
    const args = [];
    for (const w of words) {
      const eq = w.indexOf("=");
      if (eq < 0) {
        throw new DockerfileError(
          `Syntax error - can't find = in ${goQuote(fromByteString(w))}. Must be of the form: name=value`
        );
      }
      args.push(w.slice(0, eq), w.slice(eq + 1), "=");
    }
    return { args, json: false };
  };
}
var nameOrNameValue = (rest, esc) => ({ args: parseWords(rest, esc), json: false });
var healthConfig = (rest, esc) => {
  let sep = 0;
  while (sep < rest.length && !isSpaceByte(rest.charCodeAt(sep))) sep++;
  if (sep === 0) return NONE;
  let next = sep;
  while (next < rest.length && isSpaceByte(rest.charCodeAt(next))) next++;
  const cmd = maybeJson(rest.slice(next), esc);
  return { args: [rest.slice(0, sep), ...cmd.args], json: cmd.json };
};
var subCommand = (rest, esc) => {
  if (rest === "") return NONE;
  return { args: [], json: false, sub: nodeFromLine(rest, esc) };
};
var ignore = () => ({ args: [""], json: false });
var DISPATCH = /* @__PURE__ */ new Map([
  ["add", maybeJsonList],
  ["arg", nameOrNameValue],
  ["cmd", maybeJson],
  ["copy", maybeJsonList],
  ["entrypoint", maybeJson],
  ["env", nameValue("ENV")],
  ["expose", whitespaceList],
  ["from", whitespaceList],
  ["healthcheck", healthConfig],
  ["label", nameValue("LABEL")],
  ["maintainer", single],
  ["onbuild", subCommand],
  ["run", maybeJson],
  ["shell", maybeJson],
  ["stopsignal", single],
  ["user", single],
  ["volume", maybeJsonList],
  ["workdir", single]
]);
function keywordKey(value) {
  if (!/[\x80-\xff]/.test(value)) return value.toLowerCase();
  let out = "";
  for (const ch of goDecode(value)) out += ch === "\u0130" ? "i" : ch.toLowerCase();
  return out;
}
function nodeFromLine(line, escapeToken) {
  const { keyword, flags, rest } = splitCommand(line, escapeToken);
  const parse3 = DISPATCH.get(keywordKey(keyword)) ?? ignore;
  const { args, json, sub } = parse3(rest, escapeToken);
  return { value: keyword, original: line, flags, args, json, sub: sub ?? null };
}
var HEREDOC_KEYWORDS = /* @__PURE__ */ new Set(["add", "copy", "run"]);
function canContainHeredoc(node) {
  let n = node;
  if (keywordKey(n.value) === "onbuild" && n.sub !== null) n = n.sub;
  return HEREDOC_KEYWORDS.has(keywordKey(n.value)) && !n.json;
}

// src/dockerfile/parser/directives.ts
var KEYS = /* @__PURE__ */ new Set(["syntax", "escape", "check"]);
var DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^\n]+?)[\t\n\f\r ]*$/;
var DirectiveScanner = class {
  constructor(commentPrefix = "#", firstLine = 0) {
    this.commentPrefix = commentPrefix;
    this.line = firstLine;
  }
  commentPrefix;
  line;
  done = false;
  seen = /* @__PURE__ */ new Set();
  get finished() {
    return this.done;
  }
  /** Returns the directive on this line, or null; throws on a repeated key. */
  scan(line) {
    this.line++;
    if (this.done) return null;
    if (!line.startsWith(this.commentPrefix)) {
      this.done = true;
      return null;
    }
    const m = DIRECTIVE.exec(trimLeftSpace(line.slice(this.commentPrefix.length)));
    if (m === null) {
      this.done = true;
      return null;
    }
    const key = m[1].toLowerCase();
    if (!KEYS.has(key)) {
      this.done = true;
      return null;
    }
    if (this.seen.has(key)) {
      throw new DockerfileError(`only one ${key} parser directive can be used`);
    }
    this.seen.add(key);
    return { name: key, value: m[2], line: this.line };
  }
};
function toDirective(d) {
  return { name: d.name, value: fromByteString(d.value), location: { start: d.line, end: d.line } };
}
function checkEscapeToken(value) {
  if (value === "`" || value === "\\") return value;
  throw new DockerfileError(`invalid escape token '${fromByteString(value)}' does not match \` or \\`);
}
var BOM = "\xEF\xBB\xBF";
function findDirective(key, input, anyFormat = false) {
  let dt = toByteString(input);
  if (dt.startsWith(BOM)) dt = dt.slice(3);
  let firstLine = 0;
  const nl = dt.indexOf("\n");
  const head = nl < 0 ? dt : dt.slice(0, nl);
  if (head.startsWith("#!")) {
    dt = nl < 0 ? "" : dt.slice(nl + 1);
    firstLine = 1;
  }
  const found = scanAll(key, dt, new DirectiveScanner("#", firstLine));
  if (found !== null || !anyFormat) return found;
  const slashed = scanAll(key, dt, new DirectiveScanner("//", firstLine));
  if (slashed !== null) return slashed;
  return fromJsonDocument(key, dt, firstLine);
}
function scanAll(key, dt, scanner) {
  const lines = dt.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  for (const raw of lines) {
    if (scanner.finished) break;
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    let d;
    try {
      d = scanner.scan(line);
    } catch {
      return null;
    }
    if (d !== null && d.name === key) {
      const value = fromByteString(d.value);
      const sp = value.indexOf(" ");
      return {
        value: sp < 0 ? value : value.slice(0, sp),
        cmdline: value,
        location: { start: d.line, end: d.line }
      };
    }
  }
  return null;
}
function fromJsonDocument(key, dt, line) {
  let doc;
  try {
    doc = JSON.parse(fromByteString(dt));
  } catch {
    return null;
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return null;
  const v = doc[key];
  if (typeof v !== "string") return null;
  return { value: v, cmdline: v, location: { start: line, end: line } };
}

// src/dockerfile/parser/heredoc-lexer.ts
var EOF = -1;
var BOM2 = 65279;
var MODIFIER_AFTER_COLON = -2;
var LexError = class extends Error {
};
function lexWords(text, mode) {
  const lexer = new Lexer(text, mode);
  try {
    return lexer.processStopOn(EOF, mode.rawEscapes).words;
  } catch (err) {
    if (err instanceof LexError) {
      throw new LexError(`failed to process ${goQuote(text)}: ${err.message}`);
    }
    throw err;
  }
}
var LETTER = new RegExp("\\p{L}", "u");
var DIGIT = new RegExp("\\p{Nd}", "u");
function isLetter(cp) {
  if (cp < 128) return cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122;
  return LETTER.test(String.fromCodePoint(cp));
}
function isDigit(cp) {
  if (cp < 128) return cp >= 48 && cp <= 57;
  return DIGIT.test(String.fromCodePoint(cp));
}
function isSpecialParam(cp) {
  return cp === 64 || cp === 42 || cp === 35 || cp === 63 || cp === 45 || cp === 36 || cp === 33 || cp === 48;
}
var Words = class {
  constructor(buf) {
    this.buf = buf;
  }
  buf;
  list = [];
  inWord = false;
  addChar(cp) {
    if (isSpaceRune(cp)) {
      if (this.inWord && this.buf.text.length !== 0) {
        this.list.push(this.buf.text);
        this.buf.text = "";
        this.inWord = false;
      }
      return;
    }
    this.addRaw(String.fromCodePoint(cp));
  }
  addRaw(s) {
    this.buf.text += s;
    this.inWord = true;
  }
  addString(s) {
    for (const ch of s) this.addChar(ch.codePointAt(0) ?? 0);
  }
  finish() {
    if (this.buf.text.length > 0) {
      this.list.push(this.buf.text);
      this.buf.text = "";
      this.inWord = false;
    }
    return this.list;
  }
};
var Lexer = class {
  cps;
  pos = 0;
  rawEscapes;
  rawQuotes;
  shared = { text: "" };
  constructor(text, mode) {
    this.cps = Array.from(text, (c) => c.codePointAt(0) ?? 0);
    if (this.cps[0] === BOM2) this.pos = 1;
    this.rawEscapes = mode.rawEscapes;
    this.rawQuotes = mode.rawQuotes;
  }
  peek() {
    return this.pos < this.cps.length ? this.cps[this.pos] : EOF;
  }
  next() {
    return this.pos < this.cps.length ? this.cps[this.pos++] : EOF;
  }
  processStopOn(stop, rawEscapes) {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      return this.scan(stop);
    } finally {
      this.rawEscapes = saved;
    }
  }
  scan(stop) {
    let result = "";
    this.shared.text = "";
    const words = new Words(this.shared);
    while (this.peek() !== EOF) {
      let ch = this.peek();
      if (stop !== EOF && ch === stop) {
        this.next();
        return { result, words: words.finish() };
      }
      if (ch === 36 || ch === 60 || ch === 39 || ch === 34) {
        const tmp = ch === 36 ? this.processDollar() : ch === 60 ? this.processPossibleHeredoc() : ch === 39 ? this.processSingleQuote() : this.processDoubleQuote();
        result += tmp;
        if (ch === 36) words.addString(tmp);
        else words.addRaw(tmp);
        continue;
      }
      ch = this.next();
      if (ch === 92) {
        if (this.rawEscapes) {
          words.addRaw("\\");
          result += "\\";
        }
        ch = this.next();
        if (ch === EOF) break;
        words.addRaw(String.fromCodePoint(ch));
      } else {
        words.addChar(ch);
      }
      result += String.fromCodePoint(ch);
    }
    if (stop !== EOF) {
      throw new LexError(`unexpected end of statement while looking for matching ${String.fromCodePoint(stop)}`);
    }
    return { result, words: words.finish() };
  }
  processSingleQuote() {
    let result = "";
    const open = this.next();
    if (this.rawQuotes) result += String.fromCodePoint(open);
    for (; ; ) {
      const ch = this.next();
      if (ch === EOF) throw new LexError("unexpected end of statement while looking for matching single-quote");
      if (ch === 39) {
        if (this.rawQuotes) result += "'";
        return result;
      }
      result += String.fromCodePoint(ch);
    }
  }
  processDoubleQuote() {
    let result = "";
    const open = this.next();
    if (this.rawQuotes) result += String.fromCodePoint(open);
    for (; ; ) {
      const p = this.peek();
      if (p === EOF) throw new LexError("unexpected end of statement while looking for matching double-quote");
      if (p === 34) {
        this.next();
        if (this.rawQuotes) result += '"';
        return result;
      }
      if (p === 36) {
        result += this.processDollar();
        continue;
      }
      let ch = this.next();
      if (ch === 92) {
        if (this.rawEscapes) result += "\\";
        const after = this.peek();
        if (after === EOF) continue;
        if (after === 34 || after === 36 || after === 92) ch = this.next();
      }
      result += String.fromCodePoint(ch);
    }
  }
  processName() {
    let name = "";
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (name.length === 0 && isDigit(ch)) {
        while (this.peek() !== EOF && isDigit(this.peek())) name += String.fromCodePoint(this.next());
        return name;
      }
      if (name.length === 0 && isSpecialParam(ch)) {
        this.next();
        return String.fromCodePoint(ch);
      }
      if (!isLetter(ch) && !isDigit(ch) && ch !== 95) break;
      name += String.fromCodePoint(this.next());
    }
    return name;
  }
  /** Every variable is unset here, so each reference is returned as written. */
  processDollar() {
    this.next();
    if (this.peek() !== 123) {
      const name2 = this.processName();
      return "$" + name2;
    }
    this.next();
    const p = this.peek();
    if (p === EOF) throw new LexError("syntax error: missing '}'");
    if (p === 123 || p === 125 || p === 58) throw new LexError("syntax error: bad substitution");
    const name = this.processName();
    let ch = this.next();
    let chs = ch === EOF ? "\uFFFD" : String.fromCodePoint(ch);
    let nullIsUnset = false;
    if (ch === 125) return "${" + name + "}";
    if (ch === 58) {
      nullIsUnset = true;
      ch = this.next();
      chs += ch === EOF ? "\uFFFD" : String.fromCodePoint(ch);
    }
    switch (nullIsUnset ? MODIFIER_AFTER_COLON : ch) {
      case MODIFIER_AFTER_COLON:
      case 43:
      // +
      case 45:
      // -
      case 63:
      // ?
      case 35:
      // #
      case 37: {
        const raw = ch === 35 || ch === 37;
        if (nullIsUnset && raw) throw new LexError(`unsupported modifier (${chs}) in substitution`);
        const word = this.nested(125, raw, "syntax error: missing '}'");
        return "${" + name + chs + word + "}";
      }
      case 47: {
        if (this.peek() === 47) this.next();
        const pattern = this.nested(47, true, "syntax error: missing '/' in ${}");
        const replacement = this.nested(125, true, "syntax error: missing '}'");
        return "${" + name + "/" + pattern + "/" + replacement + "}";
      }
      default:
        throw new LexError(`unsupported modifier (${chs}) in substitution`);
    }
  }
  /** A nested scan up to `stop`; running out of input gives `atEof`. */
  nested(stop, rawEscapes, atEof) {
    try {
      return this.processStopOn(stop, rawEscapes).result;
    } catch (err) {
      if (err instanceof LexError && this.peek() === EOF) throw new LexError(atEof);
      throw err;
    }
  }
  processPossibleHeredoc() {
    this.next();
    if (this.peek() !== 60) return "<";
    this.next();
    let space = "";
    for (let p = this.peek(); p === 9 || p === 13 || p === 32; p = this.peek()) {
      space += String.fromCodePoint(this.next());
    }
    return "<<" + space;
  }
};

// src/dockerfile/parser/heredoc.ts
var HEREDOC_WORD = /^([0-9]*)<<(-?)[\t\n\f\r ]*([^<]*)$/;
var MAX_UINT64 = 18446744073709552e3;
function countQuotes(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 39 || c === 34) n++;
  }
  return n;
}
function heredocFromWord(word) {
  const m = HEREDOC_WORD.exec(word);
  if (m === null || m[3].length === 0) return null;
  const rest = goDecode(m[3]);
  let words;
  let rawWords;
  try {
    words = lexWords(rest, { rawQuotes: false, rawEscapes: false });
    if (words.length !== 1) return null;
    rawWords = lexWords(rest, { rawQuotes: true, rawEscapes: false });
  } catch (err) {
    if (err instanceof LexError) throw new DockerfileError(err.message);
    throw err;
  }
  if (rawWords.length !== words.length) {
    throw new DockerfileError(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  }
  const expand = countQuotes(words[0]) === countQuotes(rawWords[0]);
  const fd = m[1] === "" ? 0 : Math.min(Number(m[1]), MAX_UINT64);
  return { name: toByteString(words[0]), expand, chomp: m[2] === "-", fileDescriptor: fd };
}
function heredocsFromLine(line) {
  let words;
  try {
    words = lexWords(goDecode(line), { rawQuotes: true, rawEscapes: true });
  } catch {
    return [];
  }
  const out = [];
  for (const w of words) {
    const h = heredocFromWord(toByteString(w));
    if (h !== null) out.push(h);
  }
  return out;
}
function parseHeredoc(word) {
  let h;
  try {
    h = heredocFromWord(toByteString(word));
  } catch {
    return null;
  }
  if (h === null) return null;
  return { name: goDecode(h.name), expand: h.expand, chomp: h.chomp, fileDescriptor: h.fileDescriptor };
}
var LEADING_TABS = /(^|\n)\t+/g;
function chompHeredocContent(src) {
  return src.replace(LEADING_TABS, "$1");
}

// src/dockerfile/parser/dump.ts
var RAW = /* @__PURE__ */ new WeakMap();
function rememberRawNodes(result, nodes) {
  RAW.set(result, nodes);
}

// src/dockerfile/parser/lines.ts
var MAX_LINE_BYTES = 65535;
var LineScanner = class {
  constructor(source) {
    this.source = source;
  }
  source;
  /** The current line, including its \n if it has one. */
  line = "";
  /** Offset just after the current line. */
  offset = 0;
  tooLong = false;
  next() {
    if (this.tooLong || this.offset >= this.source.length) return false;
    const nl = this.source.indexOf("\n", this.offset);
    const contentEnd = nl < 0 ? this.source.length : nl;
    if (contentEnd - this.offset > MAX_LINE_BYTES) {
      this.tooLong = true;
      return false;
    }
    const end = nl < 0 ? contentEnd : nl + 1;
    this.line = this.source.slice(this.offset, end);
    this.offset = end;
    return true;
  }
};

// src/dockerfile/parser/parse.ts
var BOM3 = "\xEF\xBB\xBF";
var EMPTY_CONTINUATION_DETAIL = "Empty continuation lines will become errors in a future release";
var EMPTY_CONTINUATION_URL = "https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/";
function trimNewline(s) {
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c !== 10 && c !== 13) break;
    end--;
  }
  return end === s.length ? s : s.slice(0, end);
}
function isComment(s) {
  return s.charCodeAt(skipSpaces(s, 0)) === 35;
}
function stripContinuation(s, escapeToken) {
  let i = s.length - 1;
  while (i >= 0) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i--;
  }
  if (i < 0 || s.charCodeAt(i) !== escapeToken) return null;
  if (i > 0 && s.charCodeAt(i - 1) === escapeToken) return null;
  return s.slice(0, i);
}
function located(err, range) {
  if (err instanceof DockerfileError) return new DockerfileError(err.message, [...err.ranges, range]);
  return err;
}
var Parser = class {
  scanner;
  directives = new DirectiveScanner();
  escapeToken = 92;
  currentLine = 0;
  comments = [];
  children = [];
  rawChildren = [];
  warnings = [];
  found = [];
  constructor(src) {
    this.scanner = new LineScanner(src);
  }
  /** Trims a line, applies directives, and blanks out comments (upstream's processLine). */
  processLine(raw, stripLeft) {
    let text = trimNewline(raw);
    if (stripLeft) {
      const i = skipSpaces(text, 0);
      if (i > 0) text = text.slice(i);
    }
    let directive = false;
    if (!this.directives.finished) {
      let d;
      try {
        d = this.directives.scan(text);
        if (d !== null && d.name === "escape") {
          this.escapeToken = checkEscapeToken(d.value).charCodeAt(0);
        }
      } catch (err) {
        throw located(err, { start: this.currentLine, end: this.currentLine });
      }
      if (d !== null) {
        directive = true;
        this.found.push(toDirective(d));
      }
    }
    return { text: isComment(text) ? "" : text, directive };
  }
  run() {
    const sc = this.scanner;
    while (sc.next()) {
      let raw = sc.line;
      if (this.currentLine === 0 && raw.startsWith(BOM3)) raw = raw.slice(3);
      if (isComment(raw)) {
        const comment = trimSpace(raw.slice(1));
        if (comment === "") this.comments = [];
        else this.comments.push(fromByteString(comment));
      }
      const first = this.processLine(raw, true);
      if (first.directive) this.comments.pop();
      this.currentLine++;
      const startLine = this.currentLine;
      let stripped = stripContinuation(first.text, this.escapeToken);
      if (stripped === null && first.text.length === 0) continue;
      const parts = [stripped ?? first.text];
      let emptyContinuation = false;
      while (stripped !== null && sc.next()) {
        const next = this.processLine(sc.line, false);
        this.currentLine++;
        if (isComment(sc.line)) continue;
        if (skipSpaces(next.text, 0) === next.text.length) {
          emptyContinuation = true;
          continue;
        }
        stripped = stripContinuation(next.text, this.escapeToken);
        parts.push(stripped ?? next.text);
      }
      const line = parts.length === 1 ? parts[0] : parts.join("");
      if (emptyContinuation) {
        this.warnings.push({
          short: "Empty continuation line found in: " + fromByteString(line),
          detail: [EMPTY_CONTINUATION_DETAIL],
          url: EMPTY_CONTINUATION_URL,
          location: { start: this.currentLine, end: this.currentLine }
        });
      }
      let node;
      const heredocs = [];
      try {
        node = nodeFromLine(line, this.escapeToken);
        if (canContainHeredoc(node) && line.includes("<<")) {
          for (const h of heredocsFromLine(line)) {
            const content = this.readHeredocBody(h.name, h.chomp);
            if (content === null) throw new DockerfileError("unterminated heredoc");
            heredocs.push({
              name: fromByteString(h.name),
              content: fromByteString(content),
              expand: h.expand,
              chomp: h.chomp,
              fileDescriptor: h.fileDescriptor
            });
          }
        }
      } catch (err) {
        throw located(err, { start: startLine, end: Math.max(startLine, this.currentLine) });
      }
      this.children.push(toInstruction(node, startLine, this.currentLine, this.comments, heredocs));
      this.rawChildren.push(node);
      this.comments = [];
    }
    if (this.children.length === 0) {
      throw new DockerfileError("file with no instructions", [{ start: this.currentLine, end: this.currentLine }]);
    }
    if (sc.tooLong) {
      throw new DockerfileError("dockerfile line greater than max allowed size of 65535", [
        { start: this.currentLine, end: this.currentLine }
      ]);
    }
    const result = {
      children: this.children,
      escapeToken: String.fromCharCode(this.escapeToken),
      warnings: this.warnings,
      directives: this.found,
      startLine: this.children[0].startLine,
      endLine: this.children[this.children.length - 1].endLine
    };
    rememberRawNodes(result, this.rawChildren);
    return result;
  }
  /** Reads body lines up to the terminator; null at end of input. */
  readHeredocBody(name, chomp) {
    const sc = this.scanner;
    const bodyStart = sc.offset;
    while (sc.next()) {
      this.currentLine++;
      const lineStart = sc.offset - sc.line.length;
      let candidate = trimNewline(sc.line);
      if (chomp) {
        let t = 0;
        while (candidate.charCodeAt(t) === 9) t++;
        if (t > 0) candidate = candidate.slice(t);
      }
      if (candidate === name) return sc.source.slice(bodyStart, lineStart);
    }
    return null;
  }
};
function toInstruction(n, startLine, endLine, prevComment, heredocs) {
  const node = {
    keyword: keywordKey(n.value),
    rawKeyword: fromByteString(n.value),
    original: fromByteString(n.original),
    flags: n.flags.map(fromByteString),
    args: n.args.map(fromByteString),
    json: n.json,
    heredocs,
    startLine,
    endLine,
    prevComment
  };
  if (n.sub !== null) node.sub = toInstruction(n.sub, startLine, endLine, [], []);
  return node;
}
function parse2(input) {
  return new Parser(toByteString(input)).run();
}

// src/dockerfile/instructions/messages.ts
var errAtLeastOneArgument = (cmd) => new Error(`${cmd} requires at least one argument`);
var errExactlyOneArgument = (cmd) => new Error(`${cmd} requires exactly one argument`);
var errNoDestinationArgument = (cmd) => new Error(`${cmd} requires at least two arguments, but only one was provided. Destination could not be determined`);
var errBadHeredoc = (cmd, what) => new Error(`${cmd} cannot accept a heredoc as ${what}`);
var errBlankCommandNames = (cmd) => new Error(`${cmd} names can not be blank`);
var errTooManyArguments = (cmd) => new Error(`Bad input to ${cmd}, too many arguments`);
var errNotJSON = (cmd) => new Error(`${cmd} requires the arguments to be in JSON form`);

// src/dockerfile/instructions/suggest.ts
function levenshtein(a, b) {
  const s = Array.from(a);
  const t = Array.from(b);
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const sub = prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, prev[j] + 1, cur[j - 1] + 1));
    }
    prev = cur;
  }
  return prev[t.length];
}
function matchCase(value, original) {
  if (original === original.toLowerCase()) return value.toLowerCase();
  if (original === original.toUpperCase()) return value.toUpperCase();
  return value;
}
function suggest(value, options, caseSensitive) {
  const needle = caseSensitive ? value : value.toLowerCase();
  let best;
  let bestDistance = 3;
  for (const option of options) {
    const candidate = caseSensitive ? option : option.toLowerCase();
    if (candidate === needle) return void 0;
    const d = levenshtein(needle, candidate);
    if (d < bestDistance) {
      best = caseSensitive ? candidate : matchCase(candidate, value);
      bestDistance = d;
    }
  }
  return best;
}
function withSuggestion(message, value, options, caseSensitive) {
  const match = suggest(value, options, caseSensitive);
  return match === void 0 ? message : `${message} (did you mean ${match}?)`;
}

// src/dockerfile/instructions/bflags.ts
var BFlags = class {
  /** Flag words as upstream's parser hands them over (quotes already processed). */
  constructor(args) {
    this.args = args;
  }
  args;
  flags = /* @__PURE__ */ new Map();
  // Insertion order gives a stable `used` list (upstream's is a map).
  usedFlags = /* @__PURE__ */ new Map();
  setupError;
  addBool(name, def) {
    return this.add(name, "bool", def ? "true" : "false");
  }
  addString(name, def) {
    return this.add(name, "string", def);
  }
  /** A flag that may be given several times (e.g. `--mount`). */
  addStrings(name) {
    return this.add(name, "strings", "");
  }
  add(name, type, value) {
    const flag = { name, type, value, values: [] };
    if (this.flags.has(name)) this.setupError ??= `Duplicate flag defined: ${name}`;
    else this.flags.set(name, flag);
    return flag;
  }
  isUsed(name) {
    return this.usedFlags.has(name);
  }
  /** Names of the flags that were given, in order of first use. */
  used() {
    return [...this.usedFlags.keys()];
  }
  /** Reads the flag words into the declared flags; throws with upstream's message on misuse. */
  parse() {
    if (this.setupError !== void 0) throw new Error(`error setting up flags: ${this.setupError}`);
    for (const word of this.args) {
      if (word === "--") return;
      if (!word.startsWith("--")) throw new Error(`arg should start with -- : ${word}`);
      const eq = word.indexOf("=");
      const flagName = eq < 0 ? word : word.slice(0, eq);
      const hasValue = eq >= 0;
      const value = hasValue ? word.slice(eq + 1) : "";
      const name = flagName.slice(2);
      const flag = this.flags.get(name);
      if (flag === void 0) {
        throw new Error(withSuggestion(`unknown flag: ${flagName}`, name, [...this.flags.keys()], true));
      }
      if (this.usedFlags.has(name) && flag.type !== "strings") {
        throw new Error(`duplicate flag specified: ${flagName}`);
      }
      this.usedFlags.set(name, flag);
      switch (flag.type) {
        case "bool": {
          if (hasValue && value === "") throw new Error(`missing a value on flag: ${flagName}`);
          const lower = value.toLowerCase();
          if (lower === "true" || lower === "") flag.value = "true";
          else if (lower === "false") flag.value = "false";
          else throw new Error(`expecting boolean value for flag ${flagName}, not: ${value}`);
          break;
        }
        case "string":
          if (!hasValue) throw new Error(`missing a value on flag: ${flagName}`);
          flag.value = value;
          break;
        case "strings":
          if (!hasValue) throw new Error(`missing a value on flag: ${flagName}`);
          flag.values.push(value);
          break;
      }
    }
  }
};

// src/dockerfile/instructions/request.ts
function isGoSpace(c) {
  if (c < 128) return c === 32 || c >= 9 && c <= 13;
  return c === 133 || c === 160 || c === 5760 || c >= 8192 && c <= 8202 || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288;
}
function goTrimSpace(s) {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}
function nodeLocation(node) {
  return { start: node.startLine, end: Math.max(node.startLine, node.endLine) };
}
function nodeArgs(node) {
  if (node.sub !== void 0) return [node.sub.rawKeyword, ...nodeArgs(node.sub)];
  return [...node.args];
}
function newRequest(node) {
  return {
    node,
    command: node.rawKeyword,
    args: nodeArgs(node),
    json: node.json,
    heredocs: node.heredocs,
    // The parser already removed quotes and escapes from flag words, as upstream's does.
    flags: new BFlags(node.flags),
    original: node.original,
    location: nodeLocation(node),
    comments: node.prevComment
  };
}
function commandBase(req) {
  return {
    name: req.command,
    code: goTrimSpace(req.original),
    location: req.location,
    comments: req.comments,
    node: req.node
  };
}
function docComment(comments, name) {
  if (name === "") return "";
  for (const line of comments) {
    if (line.startsWith(name + " ")) return line.slice(name.length + 1);
  }
  return "";
}

// src/dockerfile/instructions/parse-files.ts
function parseSourcesAndDest(req, cmd) {
  const srcs = req.args.slice(0, -1);
  const destPath = req.args[req.args.length - 1];
  if (parseHeredoc(destPath) !== null) throw errBadHeredoc(cmd, "a destination");
  const bodies = /* @__PURE__ */ new Map();
  for (const h of req.heredocs) bodies.set(h.name, h.content);
  const sourcePaths = [];
  const sourceContents = [];
  for (const src of srcs) {
    const heredoc = parseHeredoc(src);
    if (heredoc === null) {
      sourcePaths.push(src);
      continue;
    }
    let data = bodies.get(heredoc.name) ?? "";
    if (heredoc.chomp) data = chompHeredocContent(data);
    sourceContents.push({ path: heredoc.name, data, expand: heredoc.expand });
  }
  return { destPath, sourcePaths, sourceContents };
}
function parseAdd(req) {
  if (req.args.length < 2) throw errNoDestinationArgument("ADD");
  const f = req.flags;
  const chown = f.addString("chown", "");
  const chmod = f.addString("chmod", "");
  const link = f.addBool("link", false);
  const keepGitDir = f.addBool("keep-git-dir", false);
  const checksum = f.addString("checksum", "");
  const unpack = f.addBool("unpack", false);
  const exclude = f.addStrings("exclude");
  f.parse();
  const sd = parseSourcesAndDest(req, "ADD");
  return {
    kind: "add",
    ...commandBase(req),
    ...sd,
    chown: chown.value,
    chmod: chmod.value,
    link: link.value === "true",
    excludePatterns: [...exclude.values],
    // Left undefined when not given, so the converter can tell "unset" from "false".
    keepGitDir: f.isUsed("keep-git-dir") ? keepGitDir.value === "true" : void 0,
    checksum: checksum.value,
    unpack: f.isUsed("unpack") ? unpack.value === "true" : void 0
  };
}
function parseCopy(req) {
  if (req.args.length < 2) throw errNoDestinationArgument("COPY");
  const f = req.flags;
  const chown = f.addString("chown", "");
  const from = f.addString("from", "");
  const chmod = f.addString("chmod", "");
  const link = f.addBool("link", false);
  const exclude = f.addStrings("exclude");
  const parents = f.addBool("parents", false);
  f.parse();
  const sd = parseSourcesAndDest(req, "COPY");
  return {
    kind: "copy",
    ...commandBase(req),
    ...sd,
    from: from.value,
    chown: chown.value,
    chmod: chmod.value,
    link: link.value === "true",
    excludePatterns: [...exclude.values],
    parents: parents.value === "true"
  };
}

// src/go/time.ts
var unitNanos = {
  ns: 1n,
  us: 1000n,
  "\xB5s": 1000n,
  // U+00B5 micro sign
  "\u03BCs": 1000n,
  // U+03BC Greek mu
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n
};
var limit = 1n << 63n;
function timeQuote(s) {
  let out = '"';
  for (const byte of Buffer.from(s, "utf8")) {
    if (byte >= 128 || byte < 32) out += `\\x${byte.toString(16).padStart(2, "0")}`;
    else {
      const ch = String.fromCharCode(byte);
      out += ch === '"' || ch === "\\" ? `\\${ch}` : ch;
    }
  }
  return out + '"';
}
function isDigit2(c) {
  return c !== void 0 && c >= "0" && c <= "9";
}
function parseGoDuration(text) {
  const fail3 = (what) => {
    throw new Error(`time: ${what} ${timeQuote(text)}`);
  };
  let s = text;
  let negative = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    negative = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0n;
  if (s === "") fail3("invalid duration");
  let total = 0n;
  while (s !== "") {
    if (!(s[0] === "." || isDigit2(s[0]))) fail3("invalid duration");
    let i = 0;
    let whole = 0n;
    while (isDigit2(s[i])) {
      whole = whole * 10n + BigInt(s.charCodeAt(i) - 48);
      if (whole > limit) fail3("invalid duration");
      i++;
    }
    const hadWhole = i > 0;
    s = s.slice(i);
    let frac = 0n;
    let scale = 1;
    let hadFrac = false;
    if (s.startsWith(".")) {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      while (isDigit2(s[j])) {
        if (!overflow) {
          const next = frac * 10n + BigInt(s.charCodeAt(j) - 48);
          if (frac > (limit - 1n) / 10n || next > limit) overflow = true;
          else {
            frac = next;
            scale *= 10;
          }
        }
        j++;
      }
      hadFrac = j > 0;
      s = s.slice(j);
    }
    if (!hadWhole && !hadFrac) fail3("invalid duration");
    let u = 0;
    while (u < s.length && s[u] !== "." && !isDigit2(s[u])) u++;
    if (u === 0) fail3("missing unit in duration");
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = unitNanos[unitName];
    if (unit === void 0) fail3(`unknown unit ${timeQuote(unitName)} in duration`);
    if (whole > limit / unit) fail3("invalid duration");
    let v = whole * unit;
    if (frac > 0n) {
      v += BigInt(Math.trunc(Number(frac) * (Number(unit) / scale)));
      if (v > limit) fail3("invalid duration");
    }
    total += v;
    if (total > limit) fail3("invalid duration");
  }
  if (negative) return -total;
  if (total > limit - 1n) fail3("invalid duration");
  return total;
}
function fmtFrac(v, prec) {
  let digits = "";
  let print = false;
  for (let i = 0; i < prec; i++) {
    const d = v % 10n;
    print = print || d !== 0n;
    if (print) digits = d.toString() + digits;
    v /= 10n;
  }
  return [print ? "." + digits : "", v];
}
function goDuration(nanos) {
  let u = BigInt(nanos);
  const neg = u < 0n;
  if (neg) u = -u;
  let out;
  if (u < 1000000000n) {
    if (u === 0n) return "0s";
    let prec;
    let unit;
    if (u < 1000n) {
      return (neg ? "-" : "") + u.toString() + "ns";
    } else if (u < 1000000n) {
      prec = 3;
      unit = "\xB5s";
    } else {
      prec = 6;
      unit = "ms";
    }
    const [frac, whole] = fmtFrac(u, prec);
    out = whole.toString() + frac + unit;
  } else {
    const [frac, secsAll] = fmtFrac(u, 9);
    const secs = secsAll % 60n;
    const minsAll = secsAll / 60n;
    out = secs.toString() + frac + "s";
    if (minsAll > 0n) {
      const mins = minsAll % 60n;
      const hours = minsAll / 60n;
      out = mins.toString() + "m" + out;
      if (hours > 0n) out = hours.toString() + "h" + out;
    }
  }
  return (neg ? "-" : "") + out;
}

// src/go/csv.ts
function byteColumn(text, index) {
  return Buffer.byteLength(text.slice(0, index), "utf8") + 1;
}
function splitCsvFields(input) {
  let line = input;
  if (line.endsWith("\r\n")) line = line.slice(0, -2);
  else if (line.endsWith("\n")) line = line.slice(0, -1);
  if (line === "") throw new Error("EOF");
  const fields = [];
  let pos = 0;
  for (; ; ) {
    if (line[pos] !== '"') {
      const comma = line.indexOf(",", pos);
      const field2 = comma >= 0 ? line.slice(pos, comma) : line.slice(pos);
      const quote = field2.indexOf('"');
      if (quote >= 0) {
        throw new Error(`parse error on line 1, column ${byteColumn(line, pos + quote)}: bare " in non-quoted-field`);
      }
      fields.push(field2);
      if (comma < 0) return fields;
      pos = comma + 1;
      continue;
    }
    pos++;
    let value = "";
    for (; ; ) {
      const q = line.indexOf('"', pos);
      if (q < 0) {
        throw new Error(`parse error on line 1, column ${byteColumn(line, pos)}: extraneous or missing " in quoted-field`);
      }
      value += line.slice(pos, q);
      pos = q + 1;
      const next = line[pos];
      if (next === '"') {
        value += '"';
        pos++;
        continue;
      }
      if (next === ",") {
        fields.push(value);
        pos++;
        break;
      }
      if (next === void 0) {
        fields.push(value);
        return fields;
      }
      throw new Error(`parse error on line 1, column ${byteColumn(line, pos - 1)}: extraneous or missing " in quoted-field`);
    }
  }
}

// src/dockerfile/instructions/run-device.ts
function parseDevice(spec) {
  let fields;
  try {
    fields = splitCsvFields(spec);
  } catch (err) {
    throw new Error(`failed to parse csv devices: ${err.message}`);
  }
  const d = { name: "", required: false };
  for (const field2 of fields) {
    const eq = field2.indexOf("=");
    const key = (eq < 0 ? field2 : field2.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? "" : field2.slice(eq + 1);
    if (eq < 0) {
      if (key === "required") {
        d.required = true;
        continue;
      }
      if (d.name === "") {
        d.name = field2;
        continue;
      }
      throw new Error(`invalid field '${field2}' must be a key=value pair`);
    }
    switch (key) {
      case "name":
        if (d.name !== "") throw new Error(`device name already set to ${d.name}`);
        d.name = value;
        break;
      case "required": {
        const b = parseGoBool(value);
        if (b === void 0) throw new Error(`invalid value for ${key}: ${value}`);
        d.required = b;
        break;
      }
      default:
        if (d.name === "") {
          d.name = field2;
          break;
        }
        throw new Error(withSuggestion(`unexpected key '${key}' in '${field2}'`, key, ["name", "required"], true));
    }
  }
  return d;
}

// src/go/units.ts
var binary = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };
var decimalFloat = /^[+-]?(?=\.?[0-9])[0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9_]+)?$/;
var hexFloat = /^([+-]?)0[xX](?=\.?[0-9a-fA-F])([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/;
function underscoresOK(s) {
  let body = s.replace(/^[+-]/, "");
  let hex = false;
  let saw = "^";
  if (/^0[xXbBoO]/.test(body)) {
    hex = /^0[xX]/.test(body);
    body = body.slice(2);
    saw = "0";
  }
  for (const ch of body) {
    if (ch >= "0" && ch <= "9" || hex && /[a-fA-F]/.test(ch)) saw = "0";
    else if (ch === "_") {
      if (saw !== "0") return false;
      saw = "_";
    } else {
      if (saw === "_") return false;
      saw = "!";
    }
  }
  return saw !== "_";
}
function parseGoFloat(s) {
  if (s.includes("_") && !underscoresOK(s)) return void 0;
  const plain = s.replace(/_/g, "");
  if (decimalFloat.test(s)) return Number(plain);
  const m = hexFloat.exec(plain);
  if (m === null) return void 0;
  const digits = m[2] + (m[3] ?? "");
  const mantissa = digits === "" ? 0 : parseInt(digits, 16);
  const value = mantissa * 2 ** (Number(m[4]) - 4 * (m[3] ?? "").length);
  return m[1] === "-" ? -value : value;
}
function ramInBytes(text) {
  let sep = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    if ("0123456789. ".includes(text[i])) {
      sep = i;
      break;
    }
  }
  if (sep < 0) return void 0;
  const num = text[sep] === " " ? text.slice(0, sep) : text.slice(0, sep + 1);
  let suffix = text.slice(sep + 1);
  const size = parseGoFloat(num);
  if (size === void 0 || size < 0) return void 0;
  if (suffix === "") return Math.trunc(size);
  if (suffix.length > 3) return void 0;
  suffix = suffix.toLowerCase();
  if (suffix[0] === "b") return suffix.length === 1 ? Math.trunc(size) : void 0;
  const mul = binary[suffix[0]];
  if (mul === void 0) return void 0;
  if (suffix.length === 2 && suffix[1] !== "b") return void 0;
  if (suffix.length === 3 && suffix.slice(1) !== "ib") return void 0;
  return Math.trunc(size * mul);
}

// src/dockerfile/instructions/run-mount.ts
var mountTypes = ["bind", "cache", "tmpfs", "secret", "ssh"];
var shareModes = ["shared", "private", "locked"];
var allKeys = [
  "type",
  "from",
  "source",
  "target",
  "readonly",
  "id",
  "sharing",
  "required",
  "size",
  "mode",
  "uid",
  "gid",
  "src",
  "dst",
  "destination",
  "ro",
  "rw",
  "readwrite",
  "env"
];
function isMountType(v) {
  return mountTypes.includes(v);
}
function isShareMode(v) {
  return shareModes.includes(v);
}
function boolValue(key, value) {
  const b = parseGoBool(value);
  if (b === void 0) throw new Error(`invalid value for ${key}: ${value}`);
  return b;
}
function newMount() {
  return {
    type: "bind",
    from: "",
    source: "",
    target: "",
    readOnly: false,
    sizeLimit: 0,
    cacheId: "",
    cacheSharing: "",
    required: false,
    env: void 0,
    mode: void 0,
    uid: void 0,
    gid: void 0
  };
}
function parseMount(spec, expand) {
  let fields;
  try {
    fields = splitCsvFields(spec);
  } catch (err) {
    throw new Error(`failed to parse csv mounts: ${err.message}`);
  }
  const m = newMount();
  let readOnlyAuto = true;
  for (const field2 of fields) {
    const eq = field2.indexOf("=");
    const key = (eq < 0 ? field2 : field2.slice(0, eq)).toLowerCase();
    let value = eq < 0 ? "" : field2.slice(eq + 1);
    if (eq < 0) {
      if (expand === void 0) continue;
      switch (key) {
        case "readonly":
        case "ro":
          m.readOnly = true;
          readOnlyAuto = false;
          continue;
        case "readwrite":
        case "rw":
          m.readOnly = false;
          readOnlyAuto = false;
          continue;
        case "required":
          if (m.type !== "secret" && m.type !== "ssh") {
            throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
          }
          m.required = true;
          continue;
        default:
          throw new Error(`invalid field '${field2}' must be a key=value pair`);
      }
    }
    if (expand !== void 0) {
      value = expand(value);
    } else if (key === "from") {
      const dollar = value.indexOf("$");
      if (dollar !== -1 && dollar !== value.length - 1) {
        throw new Error(`'${key}' doesn't support variable expansion, define alias stage instead`);
      }
    } else {
      continue;
    }
    switch (key) {
      case "type": {
        const t = value.toLowerCase();
        if (!isMountType(t)) {
          throw new Error(withSuggestion(`unsupported mount type ${goQuote(value)}`, value, mountTypes, true));
        }
        m.type = t;
        break;
      }
      case "from":
        m.from = value;
        break;
      case "source":
      case "src":
        m.source = value;
        break;
      case "target":
      case "dst":
      case "destination":
        m.target = value;
        break;
      case "readonly":
      case "ro":
        m.readOnly = boolValue(key, value);
        readOnlyAuto = false;
        break;
      case "readwrite":
      case "rw":
        m.readOnly = !boolValue(key, value);
        readOnlyAuto = false;
        break;
      case "required":
        if (m.type !== "secret" && m.type !== "ssh") {
          throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
        }
        m.required = boolValue(key, value);
        break;
      case "size": {
        if (m.type !== "tmpfs") throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
        const size = ramInBytes(value);
        if (size === void 0) throw new Error(`invalid value for ${key}: ${value}`);
        m.sizeLimit = size;
        break;
      }
      case "id":
        m.cacheId = value;
        break;
      case "sharing": {
        const s = value.toLowerCase();
        if (!isShareMode(s)) {
          throw new Error(withSuggestion(`unsupported sharing value ${goQuote(value)}`, value, shareModes, true));
        }
        m.cacheSharing = s;
        break;
      }
      case "mode":
        m.mode = parseGoUint32(value, 8);
        if (m.mode === void 0) throw new Error(`invalid value ${value} for mode`);
        break;
      case "uid":
        m.uid = parseGoUint32(value, 10);
        if (m.uid === void 0) throw new Error(`invalid value ${value} for uid`);
        break;
      case "gid":
        m.gid = parseGoUint32(value, 10);
        if (m.gid === void 0) throw new Error(`invalid value ${value} for gid`);
        break;
      case "env":
        m.env = value;
        break;
      default:
        throw new Error(withSuggestion(`unexpected key '${key}' in '${field2}'`, key, allKeys, true));
    }
  }
  const fileInfoAllowed = m.type === "secret" || m.type === "ssh" || m.type === "cache";
  if (!fileInfoAllowed) {
    if (m.mode !== void 0) throw new Error(`mode not allowed for ${goQuote(m.type)} type mounts`);
    if (m.uid !== void 0) throw new Error(`uid not allowed for ${goQuote(m.type)} type mounts`);
    if (m.gid !== void 0) throw new Error(`gid not allowed for ${goQuote(m.type)} type mounts`);
  }
  if (readOnlyAuto) m.readOnly = !(m.type === "cache" || m.type === "tmpfs");
  if (m.type === "secret") {
    if (m.from !== "") throw new Error("secret mount should not have a from");
    if (m.cacheSharing !== "") throw new Error("secret mount should not define sharing");
    if (m.source === "" && m.target === "" && m.cacheId === "") {
      throw new Error("invalid secret mount. one of source, target required");
    }
    if (m.source !== "" && m.cacheId !== "") throw new Error("both source and id can't be set");
  }
  if (m.cacheSharing !== "" && m.type !== "cache") {
    throw new Error(`invalid cache sharing set for ${m.type} mount`);
  }
  return m;
}

// src/dockerfile/instructions/parse-exec.ts
function handleJSONArgs(args, json) {
  if (args.length === 0) return [];
  if (json) return [...args];
  return [args.join(" ")];
}
function shellDependentCmdLine(req, emptyAsNull) {
  const args = handleJSONArgs(req.args, req.json);
  return {
    cmdLine: emptyAsNull && args.length === 0 ? null : args,
    files: req.heredocs.map((h) => ({ name: h.name, data: h.content, chomp: h.chomp })),
    prependShell: !req.json
  };
}
var networkModes = ["default", "none", "host"];
var securityModes = ["insecure", "sandbox"];
function parseRun(req) {
  const device = req.flags.addStrings("device");
  const mount = req.flags.addStrings("mount");
  const network = req.flags.addString("network", "default");
  const security = req.flags.addString("security", "sandbox");
  req.flags.parse();
  const flagsUsed = req.flags.used();
  const cmdLine = shellDependentCmdLine(req, false);
  const devices = device.values.map((v) => parseDevice(v));
  const mounts2 = mount.values.map((v) => parseMount(v));
  if (!networkModes.includes(network.value)) throw new Error(`invalid network mode ${goQuote(network.value)}`);
  if (!securityModes.includes(security.value)) throw new Error(`security ${goQuote(security.value)} is not valid`);
  return {
    kind: "run",
    ...commandBase(req),
    ...cmdLine,
    flagsUsed,
    mountSpecs: [...mount.values],
    mounts: mounts2,
    network: network.value,
    security: security.value,
    devices
  };
}
function parseCmd(req) {
  req.flags.parse();
  return { kind: "cmd", ...commandBase(req), ...shellDependentCmdLine(req, false) };
}
function parseEntrypoint(req) {
  req.flags.parse();
  return { kind: "entrypoint", ...commandBase(req), ...shellDependentCmdLine(req, true) };
}
var nanosPerMillisecond = 1000000n;
function parseOptInterval(flag) {
  if (flag.value === "") return 0;
  const d = parseGoDuration(flag.value);
  if (d === 0n) return 0;
  if (d < nanosPerMillisecond) throw new Error(`Interval ${goQuote(flag.name)} cannot be less than 1ms`);
  return Number(d);
}
function parseHealthcheck(req) {
  if (req.args.length === 0) throw errAtLeastOneArgument("HEALTHCHECK");
  const base = commandBase(req);
  const typ = req.args[0].toUpperCase();
  const args = req.args.slice(1);
  const health = { test: [], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
  if (typ === "NONE") {
    if (args.length !== 0) throw new Error("HEALTHCHECK NONE takes no arguments");
    health.test = [typ];
    return { kind: "healthcheck", ...base, health };
  }
  const f = req.flags;
  const interval = f.addString("interval", "");
  const timeout = f.addString("timeout", "");
  const startPeriod = f.addString("start-period", "");
  const startInterval = f.addString("start-interval", "");
  const retries = f.addString("retries", "");
  f.parse();
  if (typ !== "CMD") throw new Error(`Unknown type ${goQuote(typ)} in HEALTHCHECK (try CMD)`);
  const cmd = handleJSONArgs(args, req.json);
  if (cmd.length === 0) throw new Error("Missing command after HEALTHCHECK CMD");
  health.test = [req.json ? typ : "CMD-SHELL", ...cmd];
  health.interval = parseOptInterval(interval);
  health.timeout = parseOptInterval(timeout);
  health.startPeriod = parseOptInterval(startPeriod);
  health.startInterval = parseOptInterval(startInterval);
  if (retries.value !== "") {
    const n = parseGoInt32(retries.value);
    if (n < 0) throw new Error(`--retries cannot be negative (${n})`);
    health.retries = n;
  }
  return { kind: "healthcheck", ...base, health };
}

// src/dockerfile/instructions/parse-simple.ts
function parseKvps(args, cmd) {
  if (args.length === 0) throw errAtLeastOneArgument(cmd);
  if (args.length % 3 !== 0) throw errTooManyArguments(cmd);
  const pairs = [];
  for (let i = 0; i < args.length; i += 3) {
    if (args[i].length === 0) throw errBlankCommandNames(cmd);
    pairs.push({ key: args[i], value: args[i + 1], noDelim: args[i + 2] === "" });
  }
  return pairs;
}
function parseEnv(req) {
  req.flags.parse();
  const env = parseKvps(req.args, "ENV");
  return { kind: "env", ...commandBase(req), env };
}
function parseLabel(req) {
  req.flags.parse();
  const labels = parseKvps(req.args, "LABEL");
  return { kind: "label", ...commandBase(req), labels };
}
function parseMaintainer(req) {
  if (req.args.length !== 1) throw errExactlyOneArgument("MAINTAINER");
  req.flags.parse();
  return { kind: "maintainer", ...commandBase(req), maintainer: req.args[0] };
}
function parseWorkdir(req) {
  if (req.args.length !== 1) throw errExactlyOneArgument("WORKDIR");
  req.flags.parse();
  return { kind: "workdir", ...commandBase(req), path: req.args[0] };
}
function parseUser(req) {
  if (req.args.length !== 1) throw errExactlyOneArgument("USER");
  req.flags.parse();
  return { kind: "user", ...commandBase(req), user: req.args[0] };
}
function compareBytes(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
function parseExpose(req) {
  if (req.args.length === 0) throw errAtLeastOneArgument("EXPOSE");
  req.flags.parse();
  const ports = [...req.args].sort(compareBytes);
  return { kind: "expose", ...commandBase(req), ports };
}
function parseVolume(req) {
  if (req.args.length === 0) throw errAtLeastOneArgument("VOLUME");
  req.flags.parse();
  const volumes = [];
  for (const arg of req.args) {
    const v = goTrimSpace(arg);
    if (v === "") throw new Error("VOLUME specified can not be an empty string");
    volumes.push(v);
  }
  return { kind: "volume", ...commandBase(req), volumes };
}
function parseStopSignal(req) {
  if (req.args.length !== 1) throw errExactlyOneArgument("STOPSIGNAL");
  return { kind: "stopsignal", ...commandBase(req), signal: req.args[0] };
}
function parseArg(req) {
  if (req.args.length < 1) throw errAtLeastOneArgument("ARG");
  const args = req.args.map((arg) => {
    const eq = arg.indexOf("=");
    if (eq === 0) throw errBlankCommandNames("ARG");
    const key = eq < 0 ? arg : arg.slice(0, eq);
    const value = eq < 0 ? void 0 : arg.slice(eq + 1);
    return { key, value, docComment: docComment(req.comments, key) };
  });
  return { kind: "arg", ...commandBase(req), args };
}
function parseShell(req) {
  req.flags.parse();
  if (req.args.length === 0) throw errAtLeastOneArgument("SHELL");
  if (!req.json) throw errNotJSON("SHELL");
  return { kind: "shell", ...commandBase(req), shell: [...req.args] };
}

// src/dockerfile/instructions/parse-stage.ts
var validStageName = /^[a-z][a-z0-9\-_.]*$/;
function parseBuildStageName(args) {
  if (args.length === 3 && args[1].toLowerCase() === "as") {
    const name = args[2].toLowerCase();
    if (!validStageName.test(name)) {
      throw new Error(
        `invalid name for build stage: ${goQuote(args[2])}, name can't start with a number or contain symbols`
      );
    }
    return name;
  }
  if (args.length !== 1) throw new Error("FROM requires either one or three arguments");
  return "";
}
function parseFrom(req) {
  const name = parseBuildStageName(req.args);
  const platform = req.flags.addString("platform", "");
  req.flags.parse();
  return {
    kind: "stage",
    name,
    commands: [],
    origCmd: req.command,
    baseName: req.args[0],
    platform: platform.value,
    docComment: docComment(req.comments, name),
    sourceCode: goTrimSpace(req.original),
    location: req.location,
    comments: req.comments,
    node: req.node
  };
}
var onbuildPrefix = /^[\t\n\f\r ]*ONBUILD[\t\n\f\r ]*/i;
function parseOnBuild(req) {
  if (req.args.length === 0) throw errAtLeastOneArgument("ONBUILD");
  req.flags.parse();
  const trigger = goTrimSpace(req.args[0]).toUpperCase();
  if (trigger === "ONBUILD") throw new Error("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
  if (trigger === "MAINTAINER" || trigger === "FROM") throw new Error(`${trigger} isn't allowed as an ONBUILD trigger`);
  let expression = req.original.replace(onbuildPrefix, "");
  for (const h of req.heredocs) expression += `
${h.content}${h.name}`;
  return { kind: "onbuild", ...commandBase(req), expression };
}

// src/dockerfile/instructions/parse-instruction.ts
var instructionNames = [
  "add",
  "arg",
  "cmd",
  "copy",
  "entrypoint",
  "env",
  "expose",
  "from",
  "healthcheck",
  "label",
  "maintainer",
  "onbuild",
  "run",
  "shell",
  "stopsignal",
  "user",
  "volume",
  "workdir"
];
var suggestionOptions = instructionNames.map((n) => n.toUpperCase());
function parseFromWithChecks(req, report) {
  const args = req.args;
  if (args.length === 3 && args[2] !== args[2].toLowerCase()) {
    report({ rule: "StageNameCasing", stageName: args[2] });
  }
  if (args.length >= 3) {
    const lower = req.command === req.command.toLowerCase();
    const upper = req.command === req.command.toUpperCase();
    if (lower && args[1] !== args[1].toLowerCase() || !lower && upper && args[1] !== args[1].toUpperCase()) {
      report({ rule: "FromAsCasing", fromKeyword: req.command, asKeyword: args[1] });
    }
  }
  const stage = parseFrom(req);
  if (stage.name !== "") checkDefinitionDescription("FROM", [stage.name], req.comments, report);
  return stage;
}
function checkDefinitionDescription(instruction, keys, comments, report) {
  if (comments.length === 0 || keys.length === 0) return;
  const firstWord = comments[comments.length - 1].split(" ")[0];
  if (keys.includes(firstWord)) return;
  report({ rule: "InvalidDefinitionDescription", instruction, exampleKey: keys.length > 1 ? "<arg_key>" : keys[0] });
}
function dispatch(req, report) {
  switch (req.node.keyword.toLowerCase()) {
    case "env":
      return parseEnv(req);
    case "maintainer":
      report({ rule: "MaintainerDeprecated" });
      return parseMaintainer(req);
    case "label":
      return parseLabel(req);
    case "add":
      return parseAdd(req);
    case "copy":
      return parseCopy(req);
    case "from":
      return parseFromWithChecks(req, report);
    case "onbuild":
      return parseOnBuild(req);
    case "workdir":
      return parseWorkdir(req);
    case "run":
      return parseRun(req);
    case "cmd":
      return parseCmd(req);
    case "healthcheck":
      return parseHealthcheck(req);
    case "entrypoint":
      return parseEntrypoint(req);
    case "expose":
      return parseExpose(req);
    case "user":
      return parseUser(req);
    case "volume":
      return parseVolume(req);
    case "stopsignal":
      return parseStopSignal(req);
    case "arg": {
      const arg = parseArg(req);
      checkDefinitionDescription("ARG", arg.args.map((a) => a.key), req.comments, report);
      return arg;
    }
    case "shell":
      return parseShell(req);
    default:
      throw new Error(withSuggestion(`unknown instruction: ${req.command}`, req.command, suggestionOptions, false));
  }
}
function parseInstruction(node, opts = {}) {
  const lint2 = opts.lint;
  const report = lint2 === void 0 ? () => {
  } : (event) => lint2(event, node);
  try {
    return dispatch(newRequest(node), report);
  } catch (err) {
    throw withLocation(err, nodeLocation(node));
  }
}
function parseCommand(node, opts = {}) {
  const ins = parseInstruction(node, opts);
  if (ins.kind === "stage") {
    throw withLocation(new Error("*instructions.Stage is not a command type"), nodeLocation(node));
  }
  return ins;
}

// src/dockerfile/instructions/stages.ts
var InstructionParseError = class extends DockerfileError {
  detail;
  constructor(detail, line, ranges) {
    super(`dockerfile parse error on line ${line}: ${detail}`, ranges);
    this.name = "InstructionParseError";
    this.detail = detail;
  }
};
function parseStages(ast, opts = {}) {
  const stages = [];
  const metaArgs = [];
  for (const node of ast.children) {
    let ins;
    try {
      ins = parseInstruction(node, { lint: opts.lint });
    } catch (err) {
      const e = err;
      throw new InstructionParseError(e.message, node.startLine, e.ranges);
    }
    if (ins.kind === "stage") {
      stages.push(ins);
      continue;
    }
    if (stages.length === 0) {
      if (ins.kind === "arg") {
        metaArgs.push(ins);
        continue;
      }
      throw new DockerfileError("no build stage in current context", [nodeLocation(node)]);
    }
    stages[stages.length - 1].commands.push(ins);
  }
  return { stages, metaArgs };
}

// src/dockerfile/instructions/expand.ts
function supportsExpansion(cmd) {
  switch (cmd.kind) {
    case "env":
    case "label":
    case "add":
    case "copy":
    case "workdir":
    case "run":
    case "user":
    case "volume":
    case "stopsignal":
    case "arg":
      return true;
    default:
      return false;
  }
}
function expandPairs(pairs, expand) {
  return pairs.map((p) => {
    const key = expand(p.key);
    const value = expand(p.value);
    return { key, value, noDelim: p.noDelim };
  });
}
function expandSourcesAndDest(sd, expand) {
  const sourcePaths = sd.sourcePaths.map((s) => expand(s));
  const destPath = expand(sd.destPath);
  return { sourcePaths, destPath };
}
function expandCommand(cmd, expand) {
  switch (cmd.kind) {
    case "env":
      return { ...cmd, env: expandPairs(cmd.env, expand) };
    case "label":
      return { ...cmd, labels: expandPairs(cmd.labels, expand) };
    case "add": {
      const chown = expand(cmd.chown);
      const chmod = expand(cmd.chmod);
      const checksum = expand(cmd.checksum);
      return { ...cmd, chown, chmod, checksum, ...expandSourcesAndDest(cmd, expand) };
    }
    case "copy": {
      const chown = expand(cmd.chown);
      const chmod = expand(cmd.chmod);
      return { ...cmd, chown, chmod, ...expandSourcesAndDest(cmd, expand) };
    }
    case "workdir":
      return { ...cmd, path: expand(cmd.path) };
    case "user":
      return { ...cmd, user: expand(cmd.user) };
    case "volume":
      return { ...cmd, volumes: cmd.volumes.map((v) => expand(v)) };
    case "stopsignal":
      return { ...cmd, signal: expand(cmd.signal) };
    case "arg":
      return {
        ...cmd,
        args: cmd.args.map((a) => {
          const key = expand(a.key);
          const value = a.value === void 0 ? void 0 : expand(a.value);
          return { ...a, key, value };
        })
      };
    case "run":
      return { ...cmd, mounts: cmd.mountSpecs.map((spec) => parseMount(spec, expand)) };
    default:
      return cmd;
  }
}
function supportsRawExpansion(cmd) {
  return cmd.kind === "add" || cmd.kind === "copy";
}
function expandCommandRaw(cmd, expand) {
  return {
    ...cmd,
    sourceContents: cmd.sourceContents.map((c) => c.expand ? { ...c, data: expand(c.data) } : c)
  };
}

// src/dockerfile/instructions/heredoc-word.ts
function parseHeredocWord(word) {
  const h = parseHeredoc(word);
  return h === null ? void 0 : { name: h.name, expand: h.expand, chomp: h.chomp };
}

// src/dockerfile/shell/chars.ts
var LETTER2 = new RegExp("^\\p{L}$", "u");
var DECIMAL_DIGIT = new RegExp("^\\p{Nd}$", "u");
function isSpace(ch) {
  if (ch <= 255) {
    return ch === 32 || ch >= 9 && ch <= 13 || ch === 133 || ch === 160;
  }
  return ch === 5760 || ch >= 8192 && ch <= 8202 || ch === 8232 || ch === 8233 || ch === 8239 || ch === 8287 || ch === 12288;
}
function isLetter2(ch) {
  if (ch < 128) return ch >= 65 && ch <= 90 || ch >= 97 && ch <= 122;
  return ch >= 0 && LETTER2.test(String.fromCodePoint(ch));
}
function isDigit3(ch) {
  if (ch < 128) return ch >= 48 && ch <= 57;
  return ch >= 0 && DECIMAL_DIGIT.test(String.fromCodePoint(ch));
}
function isSpecialParam2(ch) {
  switch (ch) {
    case 64:
    // @
    case 42:
    // *
    case 35:
    // #
    case 63:
    // ?
    case 45:
    // -
    case 36:
    // $
    case 33:
    // !
    case 48:
      return true;
  }
  return false;
}
function isHeredocBlank(ch) {
  return ch === 9 || ch === 13 || ch === 32;
}

// src/dockerfile/shell/scanner.ts
var EOF2 = -1;
var NOT_READ = -2;
var BOM4 = 65279;
var REPLACEMENT = 65533;
var RuneScanner = class {
  src;
  pos = 0;
  ch = NOT_READ;
  constructor(src) {
    this.src = src;
  }
  /** The next code point without consuming it, or EOF. */
  peek() {
    if (this.ch === NOT_READ) {
      this.ch = this.read();
      if (this.ch === BOM4) this.ch = this.read();
    }
    return this.ch;
  }
  /** Consumes and returns the next code point, or EOF. */
  next() {
    const ch = this.peek();
    if (ch !== EOF2) this.ch = this.read();
    return ch;
  }
  /**
   * Consumes the peeked code point and the code points after it while they
   * are single UTF-16 units (not surrogates) for which `plain` holds, and
   * returns them as one string. The peeked one must satisfy `plain`; returns
   * '' (consuming nothing) when it is not such a unit. The lexer uses this to
   * copy runs of ordinary characters at once instead of one at a time.
   */
  takeRun(plain) {
    const ch = this.peek();
    if (ch < 0 || ch > 65535 || ch >= 55296 && ch <= 57343 || !plain(ch)) return "";
    const src = this.src;
    const start = this.pos - 1;
    let end = this.pos;
    while (end < src.length) {
      const unit = src.charCodeAt(end);
      if (unit >= 55296 && unit <= 57343 || !plain(unit)) break;
      end++;
    }
    this.pos = end;
    this.ch = this.read();
    return src.slice(start, end);
  }
  read() {
    const src = this.src;
    if (this.pos >= src.length) return EOF2;
    const unit = src.charCodeAt(this.pos++);
    if (unit < 55296 || unit > 57343) return unit;
    if (unit <= 56319 && this.pos < src.length) {
      const low = src.charCodeAt(this.pos);
      if (low >= 56320 && low <= 57343) {
        this.pos++;
        return (unit - 55296) * 1024 + (low - 56320) + 65536;
      }
    }
    return REPLACEMENT;
  }
};
function runeString(ch) {
  if (ch < 0 || ch > 1114111 || ch >= 55296 && ch <= 57343) return "\uFFFD";
  return String.fromCodePoint(ch);
}

// src/dockerfile/shell/pattern.ts
var ANY = -1;
var STAR = -2;
var PatternError = class extends Error {
};
var BACKSLASH = 92;
function compileShellPattern(pattern, greedy) {
  const scanner = new RuneScanner(pattern);
  const items = [];
  for (let tok = scanner.next(); tok !== EOF2; tok = scanner.next()) {
    if (tok === 42) {
      items.push(STAR);
    } else if (tok === 63) {
      items.push(ANY);
    } else if (tok === BACKSLASH) {
      const following = scanner.peek();
      if (following === 125 || following === 47) continue;
      const escaped = scanner.next();
      if (escaped !== 42 && escaped !== 63 && escaped !== BACKSLASH) {
        throw new PatternError(`invalid escape '\\${runeString(escaped)}'`);
      }
      items.push(escaped);
    } else {
      items.push(tok);
    }
  }
  return { items: Int32Array.from(items), greedy };
}
function reversePattern(pattern) {
  const runes = Array.from(pattern);
  const last = runes.length - 1;
  const out = new Array(runes.length);
  for (let i = 0; i <= last; ) {
    const at = last - i;
    if (runes[i] === "\\" && i !== last) {
      out[at - 1] = runes[i];
      out[at] = runes[i + 1];
      i += 2;
    } else {
      out[at] = runes[i];
      i++;
    }
  }
  return out.join("");
}
function reverseString(s) {
  return Array.from(s).reverse().join("");
}

// src/dockerfile/shell/matcher.ts
var NEWLINE = 10;
var END = -1;
var ThreadList = class {
  nodes;
  starts;
  seen;
  generation = 1;
  length = 0;
  constructor(size) {
    this.nodes = new Int32Array(size);
    this.starts = new Int32Array(size);
    this.seen = new Int32Array(size);
  }
  clear() {
    this.length = 0;
    this.generation++;
  }
  /** Marks a node as reached in this step; false if it already was. */
  visit(node) {
    if (this.seen[node] === this.generation) return false;
    this.seen[node] = this.generation;
    return true;
  }
  push(node, start) {
    this.nodes[this.length] = node;
    this.starts[this.length] = start;
    this.length++;
  }
};
var PatternMatcher = class {
  items;
  greedy;
  /** Node index that means "the whole pattern matched". */
  final;
  /** The pattern text when it has no wildcards (then plain search suffices). */
  literal;
  current;
  following;
  constructor(pattern) {
    this.items = collapseStars(pattern.items);
    this.greedy = pattern.greedy;
    this.literal = literalText(this.items);
    this.final = this.items.length;
    this.current = new ThreadList(this.final + 1);
    this.following = new ThreadList(this.final + 1);
  }
  /**
   * Finds the leftmost-first match in `text` starting the search at `from`.
   * With `anchored`, only a match starting exactly at `from` counts.
   */
  find(text, from, anchored) {
    if (this.literal !== null) {
      const lit = this.literal;
      if (anchored) return text.startsWith(lit, from) ? [from, from + lit.length] : null;
      const at = text.indexOf(lit, from);
      return at < 0 ? null : [at, at + lit.length];
    }
    let clist = this.current;
    let nlist = this.following;
    clist.clear();
    nlist.clear();
    let found = false;
    let matchStart = 0;
    let matchEnd = 0;
    let pos = from;
    for (; ; ) {
      if (clist.length === 0 && (found || anchored && pos !== from)) break;
      if (!found && (!anchored || pos === from)) this.add(clist, 0, pos);
      let ch = END;
      let width = 0;
      if (pos < text.length) {
        ch = text.charCodeAt(pos);
        width = 1;
        if (ch >= 55296 && ch <= 56319 && pos + 1 < text.length) {
          const low = text.charCodeAt(pos + 1);
          if (low >= 56320 && low <= 57343) {
            ch = (ch - 55296) * 1024 + (low - 56320) + 65536;
            width = 2;
          }
        }
      }
      nlist.clear();
      const items = this.items;
      for (let i = 0; i < clist.length; i++) {
        const node = clist.nodes[i];
        const start = clist.starts[i];
        if (node === this.final) {
          found = true;
          matchStart = start;
          matchEnd = pos;
          break;
        }
        if (ch === END) continue;
        const item = items[node];
        if (item === STAR) {
          if (ch !== NEWLINE) this.add(nlist, node, start);
        } else if (item === ANY) {
          if (ch !== NEWLINE) this.add(nlist, node + 1, start);
        } else if (item === ch) {
          this.add(nlist, node + 1, start);
        }
      }
      if (width === 0) break;
      pos += width;
      const swap = clist;
      clist = nlist;
      nlist = swap;
    }
    return found ? [matchStart, matchEnd] : null;
  }
  /**
   * Adds the threads reachable from `node` without consuming input, in
   * priority order. Runs of `*` are walked iteratively so long patterns
   * cannot exhaust the stack.
   */
  add(list, node, start) {
    const items = this.items;
    const final = this.final;
    let k = node;
    let tail = false;
    for (; ; ) {
      if (!list.visit(k)) break;
      if (k < final && items[k] === STAR) {
        k++;
        continue;
      }
      tail = true;
      break;
    }
    if (this.greedy) {
      for (let s = node; s < k; s++) list.push(s, start);
      if (tail) list.push(k, start);
    } else {
      if (tail) list.push(k, start);
      for (let s = k - 1; s >= node; s--) list.push(s, start);
    }
  }
};
function collapseStars(items) {
  let n = 0;
  const out = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    if (items[i] === STAR && n > 0 && out[n - 1] === STAR) continue;
    out[n++] = items[i];
  }
  return out.subarray(0, n);
}
function literalText(items) {
  let text = "";
  for (let i = 0; i < items.length; i++) {
    if (items[i] < 0) return null;
    text += String.fromCodePoint(items[i]);
  }
  return text;
}

// src/dockerfile/shell/substitute.ts
var SubstitutionError = class extends Error {
};
function compile(pattern, greedy) {
  try {
    return new PatternMatcher(compileShellPattern(pattern, greedy));
  } catch (err) {
    if (err instanceof PatternError) {
      throw new SubstitutionError(`invalid pattern (${pattern}) in substitution: ${err.message}`);
    }
    throw err;
  }
}
function trimPrefix(pattern, value, greedy) {
  const found = compile(pattern, greedy).find(value, 0, true);
  return found === null ? value : value.slice(found[1]);
}
function trimSuffix(pattern, value, greedy) {
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(value), greedy));
}
function replacePattern(pattern, value, replacement, all) {
  const matcher = compile(pattern, true);
  if (!all) {
    const found = matcher.find(value, 0, false);
    if (found === null) return value;
    return value.slice(0, found[0]) + replacement + value.slice(found[1]);
  }
  return replaceAll(matcher, value, replacement);
}
function replaceAll(matcher, value, template) {
  let out = "";
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= value.length) {
    const found = matcher.find(value, searchPos, false);
    if (found === null) break;
    out += value.slice(lastMatchEnd, found[0]);
    if (found[1] > lastMatchEnd || found[0] === 0) {
      out += expandTemplate(template, value, found);
    }
    lastMatchEnd = found[1];
    const width = runeWidth2(value, searchPos);
    if (searchPos + width > found[1]) {
      searchPos += width;
    } else if (searchPos + 1 > found[1]) {
      searchPos++;
    } else {
      searchPos = found[1];
    }
  }
  return out + value.slice(lastMatchEnd);
}
function runeWidth2(s, pos) {
  if (pos >= s.length) return 0;
  const unit = s.charCodeAt(pos);
  if (unit >= 55296 && unit <= 56319 && pos + 1 < s.length) {
    const low = s.charCodeAt(pos + 1);
    if (low >= 56320 && low <= 57343) return 2;
  }
  return 1;
}
function expandTemplate(template, value, match) {
  let out = "";
  let rest = template;
  for (; ; ) {
    const dollar = rest.indexOf("$");
    if (dollar < 0) break;
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith("$")) {
      out += "$";
      rest = rest.slice(1);
      continue;
    }
    const ref = readGroupName(rest);
    if (ref === null) {
      out += "$";
      continue;
    }
    rest = rest.slice(ref.length);
    if (ref.name === "0") out += value.slice(match[0], match[1]);
  }
  return out + rest;
}
function readGroupName(s) {
  const braced = s.startsWith("{");
  const from = braced ? 1 : 0;
  let i = from;
  while (i < s.length) {
    const cp = s.codePointAt(i) ?? 0;
    if (!isLetter2(cp) && !isDigit3(cp) && cp !== 95) break;
    i += cp > 65535 ? 2 : 1;
  }
  if (i === from) return null;
  const name = s.slice(from, i);
  if (braced) {
    if (s.charCodeAt(i) !== 125) return null;
    i++;
  }
  return { name, length: i };
}

// src/dockerfile/shell/words.ts
var WordSplitter = class {
  buf;
  words = [];
  inWord = false;
  constructor(buf) {
    this.buf = buf;
  }
  /** An unquoted character: white space ends the current word. */
  addChar(ch) {
    if (isSpace(ch)) {
      if (this.inWord && this.buf.text.length !== 0) {
        this.words.push(this.buf.text);
        this.buf.text = "";
        this.inWord = false;
      }
    } else {
      this.addRawChar(ch);
    }
  }
  /** A character that never splits (escaped or quoted). */
  addRawChar(ch) {
    this.buf.text += String.fromCodePoint(ch);
    this.inWord = true;
  }
  /** Expanded variable text: split on white space. */
  addString(s) {
    let i = 0;
    while (i < s.length) {
      const cp = s.codePointAt(i) ?? 0;
      const width = cp > 65535 ? 2 : 1;
      if (isSpace(cp)) {
        this.addChar(cp);
        i += width;
        continue;
      }
      let j = i + width;
      while (j < s.length) {
        const next = s.codePointAt(j) ?? 0;
        if (isSpace(next)) break;
        j += next > 65535 ? 2 : 1;
      }
      this.buf.text += s.slice(i, j);
      this.inWord = true;
      i = j;
    }
  }
  /** Quoted text: kept whole, and marks a word as started even if empty. */
  addRawString(s) {
    this.buf.text += s;
    this.inWord = true;
  }
  /** The words so far, flushing the one in progress. */
  finish() {
    if (this.buf.text.length > 0) {
      this.words.push(this.buf.text);
      this.buf.text = "";
      this.inWord = false;
    }
    return this.words;
  }
};

// src/dockerfile/shell/lex.ts
var ExpansionError = class extends DockerfileError {
  matched;
  unmatched;
  constructor(message, matched, unmatched) {
    super(message);
    this.matched = matched;
    this.unmatched = unmatched;
  }
};
var DOLLAR = 36;
var LBRACE = 123;
var RBRACE = 125;
var COLON = 58;
var SLASH = 47;
var SINGLE_QUOTE = 39;
var DOUBLE_QUOTE = 34;
var LESS = 60;
var PLUS = 43;
var MINUS = 45;
var QUESTION = 63;
var HASH = 35;
var PERCENT = 37;
var UNDERSCORE = 95;
var BOM5 = 65279;
var TOO_DEEP = "expansion is nested too deeply";
function fail2(message) {
  throw new DockerfileError(message);
}
var ShellLex = class {
  escapeToken;
  rawQuotes;
  rawEscapes;
  skipProcessQuotes;
  skipUnsetEnv;
  constructor(escapeToken = "\\", options = {}) {
    this.escapeToken = escapeToken;
    this.rawQuotes = options.rawQuotes ?? false;
    this.rawEscapes = options.rawEscapes ?? false;
    this.skipProcessQuotes = options.skipProcessQuotes ?? false;
    this.skipUnsetEnv = options.skipUnsetEnv ?? false;
  }
  /** Expands `word` into one string (upstream's ProcessWord). */
  processWord(word, env) {
    if (this.isLiteral(word)) return word;
    return new Expansion(this, word, env, true).run().result;
  }
  /** Expands `word` and splits it into words (upstream's ProcessWords). */
  processWords(word, env) {
    if (this.isLiteral(word)) return literalWords(word);
    return new Expansion(this, word, env, false).run().words;
  }
  /** Expands `word`, reporting which variables were found and which were not. */
  processWordWithMatches(word, env) {
    if (this.isLiteral(word)) return { result: word, words: literalWords(word), matched: /* @__PURE__ */ new Set(), unmatched: /* @__PURE__ */ new Set() };
    return new Expansion(this, word, env, true).run();
  }
  /**
   * Whether expanding `word` gives `word` itself, looking nothing up (most
   * words of a Dockerfile): nothing in it that processUntil treats specially
   * (`$`, `<`, the escape character, quotes unless skipped), no surrogate
   * and no leading byte order mark (the scanner reads those differently).
   * Then the expansion is one run of plain characters and is skipped.
   */
  isLiteral(word) {
    const escape = this.escapeToken.charCodeAt(0);
    const quotes = !this.skipProcessQuotes;
    const n = word.length;
    if (n > 0 && word.charCodeAt(0) === BOM5) return false;
    for (let i = 0; i < n; i++) {
      const c = word.charCodeAt(i);
      if (c === DOLLAR || c === LESS || c === escape || c >= 55296 && c <= 57343) return false;
      if (quotes && (c === SINGLE_QUOTE || c === DOUBLE_QUOTE)) return false;
    }
    return true;
  }
};
function literalWords(word) {
  const words = new WordSplitter({ text: "" });
  words.addString(word);
  return words.finish();
}
var Expansion = class {
  lex;
  source;
  env;
  capture;
  scanner;
  escape;
  wordBuffer = { text: "" };
  matched = /* @__PURE__ */ new Set();
  unmatched = /* @__PURE__ */ new Set();
  rawEscapes;
  constructor(lex, source, env, capture) {
    this.lex = lex;
    this.source = source;
    this.env = env;
    this.capture = capture;
    this.scanner = new RuneScanner(source);
    this.escape = lex.escapeToken.charCodeAt(0);
    this.rawEscapes = lex.rawEscapes;
  }
  run() {
    try {
      const [result, words] = this.processUntil(EOF2, this.rawEscapes);
      return { result, words, matched: this.matched, unmatched: this.unmatched };
    } catch (err) {
      let message;
      if (err instanceof DockerfileError) message = err.message;
      else if (err instanceof RangeError) message = TOO_DEEP;
      else throw err;
      throw new ExpansionError(`failed to process ${goQuote(this.source)}: ${message}`, this.matched, this.unmatched);
    }
  }
  /**
   * Reads up to `stop` (consumed) or the end of input, expanding as it goes.
   * Returns the text and its split words.
   */
  processUntil(stop, rawEscapes) {
    const scanner = this.scanner;
    const lex = this.lex;
    this.wordBuffer.text = "";
    const words = new WordSplitter(this.wordBuffer);
    const outerRawEscapes = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    const plain = this.isPlain(stop);
    try {
      let result = "";
      for (let ch = scanner.peek(); ch !== EOF2; ch = scanner.peek()) {
        if (stop !== EOF2 && ch === stop) {
          scanner.next();
          return [result, words.finish()];
        }
        if (ch === DOLLAR) {
          const value = this.processDollar();
          result += value;
          words.addString(value);
          continue;
        }
        if (ch === LESS) {
          const text = this.processPossibleHeredoc();
          result += text;
          words.addRawString(text);
          continue;
        }
        if (!lex.skipProcessQuotes && (ch === SINGLE_QUOTE || ch === DOUBLE_QUOTE)) {
          const text = ch === SINGLE_QUOTE ? this.processSingleQuote() : this.processDoubleQuote();
          result += text;
          words.addRawString(text);
          continue;
        }
        if (ch !== this.escape) {
          const run = scanner.takeRun(plain);
          if (run !== "") {
            words.addString(run);
            result += run;
            continue;
          }
        }
        scanner.next();
        if (ch === this.escape) {
          if (this.rawEscapes) {
            words.addRawChar(ch);
            result += String.fromCodePoint(ch);
          }
          ch = scanner.next();
          if (ch === EOF2) break;
          words.addRawChar(ch);
        } else {
          words.addChar(ch);
        }
        result += String.fromCodePoint(ch);
      }
      if (stop !== EOF2) {
        fail2(`unexpected end of statement while looking for matching ${runeString(stop)}`);
      }
      return [result, words.finish()];
    } finally {
      this.rawEscapes = outerRawEscapes;
    }
  }
  /** Characters processUntil(stop) copies unchanged: nothing it treats specially. */
  isPlain(stop) {
    const escape = this.escape;
    const quotes = !this.lex.skipProcessQuotes;
    return (c) => c !== DOLLAR && c !== LESS && c !== escape && c !== stop && !(quotes && (c === SINGLE_QUOTE || c === DOUBLE_QUOTE));
  }
  // Everything up to the closing quote is literal; a single quote cannot be escaped.
  processSingleQuote() {
    const scanner = this.scanner;
    const raw = this.lex.rawQuotes;
    let result = raw ? "'" : "";
    scanner.next();
    for (; ; ) {
      const ch = scanner.next();
      if (ch === EOF2) fail2("unexpected end of statement while looking for matching single-quote");
      if (ch === SINGLE_QUOTE) return raw ? result + "'" : result;
      result += String.fromCodePoint(ch);
    }
  }
  // `$` expands; the escape character escapes only `"`, `$` and itself and
  // otherwise stays.
  processDoubleQuote() {
    const scanner = this.scanner;
    const raw = this.lex.rawQuotes;
    let result = raw ? '"' : "";
    scanner.next();
    for (; ; ) {
      const peeked = scanner.peek();
      if (peeked === EOF2) fail2("unexpected end of statement while looking for matching double-quote");
      if (peeked === DOUBLE_QUOTE) {
        scanner.next();
        return raw ? result + '"' : result;
      }
      if (peeked === DOLLAR) {
        result += this.processDollar();
        continue;
      }
      let ch = scanner.next();
      if (ch === this.escape) {
        if (this.rawEscapes) result += String.fromCodePoint(ch);
        const following = scanner.peek();
        if (following === EOF2) continue;
        if (following === DOUBLE_QUOTE || following === DOLLAR || following === this.escape) {
          ch = scanner.next();
        }
      }
      result += String.fromCodePoint(ch);
    }
  }
  processDollar() {
    const scanner = this.scanner;
    scanner.next();
    if (scanner.peek() !== LBRACE) {
      const name2 = this.processName();
      if (name2 === "") return "$";
      const value2 = this.lookup(name2);
      if (value2 === void 0) return this.lex.skipUnsetEnv ? "$" + name2 : "";
      return value2;
    }
    scanner.next();
    const first = scanner.peek();
    if (first === EOF2) fail2("syntax error: missing '}'");
    if (first === LBRACE || first === RBRACE || first === COLON) fail2("syntax error: bad substitution");
    const name = this.processName();
    let ch = scanner.next();
    let modifier = runeString(ch);
    if (ch === RBRACE) {
      const value2 = this.lookup(name);
      if (value2 === void 0) return this.lex.skipUnsetEnv ? `\${${name}}` : "";
      return value2;
    }
    if (ch === SLASH) return this.processReplace(name);
    let nullIsUnset = false;
    if (ch === COLON) {
      nullIsUnset = true;
      ch = scanner.next();
      modifier += runeString(ch);
    } else if (ch !== PLUS && ch !== MINUS && ch !== QUESTION && ch !== HASH && ch !== PERCENT) {
      fail2(`unsupported modifier (${modifier}) in substitution`);
    }
    const isPattern = ch === HASH || ch === PERCENT;
    if (nullIsUnset && isPattern) fail2(`unsupported modifier (${modifier}) in substitution`);
    let word = this.operand(RBRACE, isPattern, "syntax error: missing '}'");
    const value = this.lookup(name);
    if (value === void 0 && this.lex.skipUnsetEnv) return `\${${name}${modifier}${word}}`;
    const unset = value === void 0 || nullIsUnset && value === "";
    switch (ch) {
      case MINUS:
        return unset ? word : value ?? "";
      case PLUS:
        return unset ? "" : word;
      case QUESTION:
        if (value === void 0) fail2(`${name}: ${word !== "" ? word : "is not allowed to be unset"}`);
        if (unset) fail2(`${name}: ${word !== "" ? word : "is not allowed to be empty"}`);
        return value;
      case HASH:
      case PERCENT: {
        const greedy = word.length > 0 && word.charCodeAt(0) === ch;
        if (greedy) word = word.slice(1);
        return this.substitute(
          () => ch === PERCENT ? trimSuffix(word, value ?? "", greedy) : trimPrefix(word, value ?? "", greedy)
        );
      }
    }
    return fail2(`unsupported modifier (${modifier}) in substitution`);
  }
  processReplace(name) {
    const scanner = this.scanner;
    const all = scanner.peek() === SLASH;
    if (all) scanner.next();
    const pattern = this.operand(SLASH, true, "syntax error: missing '/' in ${}");
    const replacement = this.operand(RBRACE, true, "syntax error: missing '}'");
    const value = this.lookup(name);
    if (value === void 0 && this.lex.skipUnsetEnv) return `\${${name}/${pattern}/${replacement}}`;
    return this.substitute(() => replacePattern(pattern, value ?? "", replacement, all));
  }
  /**
   * Reads a ${} operand up to `stop`. Running out of input is reported as
   * `missingMessage`, whatever went wrong inside.
   */
  operand(stop, rawEscapes, missingMessage) {
    try {
      return this.processUntil(stop, rawEscapes)[0];
    } catch (err) {
      if (err instanceof DockerfileError && this.scanner.peek() === EOF2) fail2(missingMessage);
      throw err;
    }
  }
  substitute(apply) {
    try {
      return apply();
    } catch (err) {
      if (err instanceof SubstitutionError) fail2(err.message);
      throw err;
    }
  }
  // A name is a run of letters, digits and `_`; a leading digit makes it a
  // positional parameter (digits only), a special character a special one.
  processName() {
    const scanner = this.scanner;
    let name = "";
    for (let ch = scanner.peek(); ch !== EOF2; ch = scanner.peek()) {
      if (name === "") {
        if (isDigit3(ch)) {
          while (scanner.peek() !== EOF2 && isDigit3(scanner.peek())) {
            name += String.fromCodePoint(scanner.next());
          }
          return name;
        }
        if (isSpecialParam2(ch)) {
          scanner.next();
          return String.fromCodePoint(ch);
        }
      }
      if (!isLetter2(ch) && !isDigit3(ch) && ch !== UNDERSCORE) break;
      name += String.fromCodePoint(scanner.next());
    }
    return name;
  }
  // `<<` keeps the blanks after it, so a heredoc marker stays one word.
  processPossibleHeredoc() {
    const scanner = this.scanner;
    scanner.next();
    if (scanner.peek() !== LESS) return "<";
    scanner.next();
    let result = "<<";
    while (isHeredocBlank(scanner.peek())) result += String.fromCodePoint(scanner.next());
    return result;
  }
  lookup(name) {
    const value = this.env.get(name);
    if (this.capture) (value === void 0 ? this.unmatched : this.matched).add(name);
    return value;
  }
};

// src/dockerfile/convert/env.ts
var EnvList = class _EnvList {
  values;
  constructor(entries = []) {
    this.values = new Map(entries);
  }
  get(key) {
    return this.values.get(key);
  }
  has(key) {
    return this.values.has(key);
  }
  keys() {
    return [...this.values.keys()];
  }
  entries() {
    return [...this.values.entries()];
  }
  /** A new list with k=v moved to the end. */
  addOrReplace(k, v) {
    const m = new Map(this.values);
    m.delete(k);
    m.set(k, v);
    return new _EnvList(m);
  }
  delete(k) {
    const m = new Map(this.values);
    m.delete(k);
    return new _EnvList(m);
  }
  toArray() {
    return this.entries().map(([k, v]) => `${k}=${v}`);
  }
};

// src/dockerfile/convert/platform.ts
var DEFAULT_PLATFORM = { os: "linux", architecture: "amd64" };
function buildPlatformOpt(target, buildPlatforms) {
  let bps = buildPlatforms;
  if (target !== void 0 && bps === void 0) bps = [target];
  if (bps === void 0 || bps.length === 0) bps = [DEFAULT_PLATFORM];
  return { targetPlatform: target ?? bps[0], buildPlatforms: bps, implicitTarget: target === void 0 };
}
function autoDetectPlatform(imgOS, imgArch, target, supported2) {
  if (target.os === imgOS && target.architecture === imgArch) return target;
  for (const p of supported2) if (p.os === imgOS && p.architecture === imgArch) return p;
  return target;
}

// src/dockerfile/convert/args.ts
function automaticArgs(bp, tp, target) {
  return [
    ["BUILDPLATFORM", formatPlatform(bp)],
    ["BUILDOS", bp.os],
    ["BUILDOSVERSION", bp.osVersion ?? ""],
    ["BUILDARCH", bp.architecture],
    ["BUILDVARIANT", bp.variant ?? ""],
    ["TARGETPLATFORM", formatPlatformAll(tp)],
    ["TARGETOS", tp.os],
    ["TARGETOSVERSION", tp.osVersion ?? ""],
    ["TARGETARCH", tp.architecture],
    ["TARGETVARIANT", tp.variant ?? ""],
    ["TARGETSTAGE", target === "" ? "default" : target]
  ];
}
function defaultArgs(po, overrides, target) {
  const pairs = automaticArgs(po.buildPlatforms[0], po.targetPlatform, target);
  let env = new EnvList();
  for (const [k, v] of pairs) env = env.addOrReplace(k, overrides.get(k) ?? v);
  return env;
}
function buildMetaArgs(args, argCommands, buildArgs, expand) {
  const allArgs = /* @__PURE__ */ new Map();
  for (const cmd of argCommands) {
    for (const kp of cmd.args) {
      const info = { key: kp.key, docComment: kp.docComment, value: "", deps: /* @__PURE__ */ new Set(), location: cmd.location };
      let value = kp.value;
      const given = buildArgs.get(kp.key);
      if (given !== void 0) {
        value = given;
      } else if (value !== void 0) {
        let res;
        try {
          res = expand(value, args);
        } catch (err) {
          throw withLocation(err, cmd.location);
        }
        value = res.result;
        info.deps = new Set(res.matched);
        if (info.deps.has(kp.key)) {
          info.deps.delete(kp.key);
          for (const k of allArgs.get(kp.key)?.deps ?? []) info.deps.add(k);
        }
      }
      if (value !== void 0) {
        args = args.addOrReplace(kp.key, value);
        info.value = value;
      }
      allArgs.set(kp.key, info);
    }
  }
  return { args, allArgs };
}
function proxyEnvFromBuildArgs(buildArgs) {
  const pe = {};
  let any = false;
  for (const k of [...buildArgs.keys()].sort()) {
    const v = buildArgs.get(k);
    switch (k.toLowerCase()) {
      case "http_proxy":
        pe.httpProxy = v;
        break;
      case "https_proxy":
        pe.httpsProxy = v;
        break;
      case "ftp_proxy":
        pe.ftpProxy = v;
        break;
      case "no_proxy":
        pe.noProxy = v;
        break;
      case "all_proxy":
        pe.allProxy = v;
        break;
      default:
        continue;
    }
    any = true;
  }
  return any ? pe : void 0;
}
function isEnabledForStage(stage, value) {
  const b = parseGoBool(value);
  if (b !== void 0) return b;
  return value.split(",").includes(stage);
}

// src/dockerfile/convert/deferred.ts
var DeferredOutput = class {
  target;
  proxy;
  constructor() {
    this.proxy = {
      inputs: () => this.output().vertex.inputs(),
      marshalUncached: (ctx) => marshalVertex(this.output().vertex, ctx)
    };
  }
  output() {
    const out = this.target?.output();
    if (out === void 0) throw new Error("internal error: the build context was used before it was defined");
    return out;
  }
  /** A state standing for the build context. */
  state() {
    return State.fromOutput(new Output(this.proxy, () => this.output().outputIndex()));
  }
  resolve(st) {
    this.target = st;
  }
};

// src/dockerfile/convert/copy.ts
import { randomBytes } from "node:crypto";

// src/dockerfile/convert/chmod.ts
function validSymbolic(s) {
  let i = 0;
  for (; ; ) {
    while (i < s.length && "augo".includes(s[i])) i++;
    if (i >= s.length) return false;
    for (; ; ) {
      const op = s[i++];
      if (op !== "+" && op !== "-" && op !== "=") return false;
      while (i < s.length && "rstwXxugo".includes(s[i])) i++;
      if (i >= s.length) return true;
      if (s[i] === ",") break;
    }
    i++;
  }
}
function parseChmod(value) {
  const nonOctal = () => new Error(`invalid chmod parameter: '${value}'. it should be octal string and between 0 and 07777`);
  if (/^[0-7]+$/.test(value)) {
    const n = parseInt(value, 8);
    if (n > 4095 || n > 4294967295) throw nonOctal();
    return { mode: n };
  }
  if (value !== "" && value[0] >= "0" && value[0] <= "9") {
    throw nonOctal();
  }
  if (!validSymbolic(value)) throw new Error("invalid syntax");
  return { modeStr: value };
}

// src/dockerfile/convert/gitref.ts
var scpRe = /^([a-zA-Z0-9-_]+)@([a-zA-Z0-9-.]+):(.*?)(?:\?(.*?))?(?:#(.*))?$/;
var supported = /* @__PURE__ */ new Set(["http", "https", "ssh", "git"]);
function parseQuery(raw) {
  if (raw === "") return void 0;
  const m = /* @__PURE__ */ new Map();
  for (const part of raw.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const k = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, " "));
    const v = eq < 0 ? "" : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, " "));
    const list = m.get(k) ?? [];
    list.push(v);
    m.set(k, list);
  }
  return m.size > 0 ? m : void 0;
}
function parseGitURL(raw) {
  const proto = /^[a-zA-Z0-9]+:\/\//.exec(raw);
  if (proto) {
    const scheme = proto[0].slice(0, -3).toLowerCase();
    if (!supported.has(scheme)) return void 0;
    let rest = raw.slice(proto[0].length);
    let fragment = "";
    const hash = rest.indexOf("#");
    if (hash >= 0) {
      fragment = decodeURIComponent(rest.slice(hash + 1));
      rest = rest.slice(0, hash);
    }
    let rawQuery = "";
    const q = rest.indexOf("?");
    if (q >= 0) {
      rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
    const slash = rest.indexOf("/");
    const authority = slash < 0 ? rest : rest.slice(0, slash);
    const path = slash < 0 ? "" : decodeURIComponent(rest.slice(slash));
    return { scheme, path, query: parseQuery(rawQuery), fragment, remote: `${scheme}://${authority}${path}` };
  }
  const m = scpRe.exec(raw);
  if (m) {
    return {
      scheme: "ssh",
      path: m[3],
      query: parseQuery(m[4] ?? ""),
      fragment: m[5] ?? "",
      remote: `${m[1]}@${m[2]}:${m[3]}`
    };
  }
  return void 0;
}
function parseFragment(fragment) {
  if (fragment === "") return ["", ""];
  const i = fragment.indexOf(":");
  const ref = i < 0 ? fragment : fragment.slice(0, i);
  const subdir = joinPath("/", i < 0 ? "" : fragment.slice(i + 1)).replace(/^\//, "");
  return [ref, subdir];
}
function boolQuery(name, v) {
  if (v.length === 0) return true;
  const b = parseGoBool(v[0]);
  if (b === void 0) throw new Error(`invalid ${name} value: ${goQuote(v[0])}`);
  return b;
}
function parseGitRef(src) {
  if (src.startsWith("./") || src.startsWith("../")) return void 0;
  let url;
  let indistinguishable = false;
  if (src.startsWith("github.com/")) {
    indistinguishable = true;
    url = parseGitURL("https://" + src);
  } else {
    url = parseGitURL(src);
    if (url !== void 0 && (url.scheme === "http" || url.scheme === "https") && !url.path.endsWith(".git")) return void 0;
  }
  if (url === void 0) return void 0;
  const [ref, subDir] = parseFragment(url.fragment);
  const res = {
    remote: indistinguishable ? url.remote.replace(/^[^:]*:\/\//, "") : url.remote,
    ref,
    checksum: "",
    subDir,
    indistinguishableFromLocal: indistinguishable,
    keepGitDir: void 0,
    submodules: void 0,
    mtime: "",
    fetchByCommit: false
  };
  if (url.query) loadQuery(res, url.query);
  return res;
}
function loadQuery(gf, query) {
  let tag = "";
  let branch = "";
  for (const [k, vals] of query) {
    let v = vals;
    if (v.length > 1) throw new Error(`query ${goQuote(k)} has multiple values`);
    if (v.length === 0 || v[0] === "") {
      if (k === "submodules" || k === "keep-git-dir" || k === "fetch-by-commit") v = [];
      else throw new Error(`query ${goQuote(k)} has no value`);
    }
    switch (k) {
      case "ref":
        if (gf.ref !== "" && gf.ref !== v[0]) throw new Error(`ref conflicts: ${goQuote(gf.ref)} vs ${goQuote(v[0])}`);
        gf.ref = v[0];
        break;
      case "tag":
        tag = v[0];
        break;
      case "branch":
        branch = v[0];
        break;
      case "subdir":
        if (gf.subDir !== "" && gf.subDir !== v[0]) throw new Error(`subdir conflicts: ${goQuote(gf.subDir)} vs ${goQuote(v[0])}`);
        gf.subDir = v[0];
        break;
      case "checksum":
      case "commit":
        gf.checksum = v[0];
        break;
      case "keep-git-dir":
        gf.keepGitDir = boolQuery("keep-git-dir", v);
        break;
      case "submodules":
        gf.submodules = boolQuery("submodules", v);
        break;
      case "mtime":
        if (v[0] !== "checkout" && v[0] !== "commit") {
          throw new Error(`invalid mtime value: ${goQuote(v[0])} (must be "checkout" or "commit")`);
        }
        gf.mtime = v[0];
        break;
      case "fetch-by-commit":
        gf.fetchByCommit = boolQuery("fetch-by-commit", v);
        break;
      default:
        throw new Error(`unexpected query ${goQuote(k)}`);
    }
  }
  if (tag !== "") {
    if (!tag.startsWith("refs/tags/")) tag = "refs/tags/" + tag;
    if (gf.ref !== "" && gf.ref !== tag) throw new Error(`ref conflicts: ${goQuote(gf.ref)} vs ${goQuote(tag)}`);
    gf.ref = tag;
  }
  if (branch !== "") {
    if (tag !== "") throw new Error("branch conflicts with tag");
    if (!branch.startsWith("refs/heads/")) branch = "refs/heads/" + branch;
    if (gf.ref !== "" && gf.ref !== branch) throw new Error(`ref conflicts: ${goQuote(gf.ref)} vs ${goQuote(branch)}`);
    gf.ref = branch;
  }
}
function isGitSource(src) {
  try {
    return parseGitRef(src) !== void 0;
  } catch {
    return false;
  }
}
function isHTTPSource(src) {
  if (!src.startsWith("http://") && !src.startsWith("https://")) return false;
  return !isGitSource(src);
}

// src/dockerfile/convert/image.ts
var HISTORY_COMMENT = "buildkit.dockerfile.v0";
var DEFAULT_PATH_UNIX = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
var cloneList = (l) => l === void 0 ? void 0 : [...l];
function cloneImage(src) {
  const c = src.config;
  const img = { ...src, rootfs: { ...src.rootfs }, config: { ...c } };
  img.config.Env = cloneList(c.Env);
  img.config.Cmd = cloneList(c.Cmd);
  img.config.Entrypoint = cloneList(c.Entrypoint);
  img.config.OnBuild = cloneList(c.OnBuild);
  img.config.Shell = cloneList(c.Shell);
  if (c.ExposedPorts) img.config.ExposedPorts = { ...c.ExposedPorts };
  if (c.Volumes) img.config.Volumes = { ...c.Volumes };
  if (c.Labels) img.config.Labels = { ...c.Labels };
  if (c.Healthcheck) img.config.Healthcheck = { ...c.Healthcheck, Test: cloneList(c.Healthcheck.Test) };
  if (src.history) img.history = src.history.map((h) => ({ ...h }));
  if (src["os.features"]) img["os.features"] = [...src["os.features"]];
  return img;
}
function emptyImage(p) {
  const img = {
    architecture: p.architecture,
    os: p.os,
    rootfs: { type: "layers", diff_ids: null },
    config: { WorkingDir: "/" }
  };
  if (p.osVersion) img["os.version"] = p.osVersion;
  if (p.osFeatures) img["os.features"] = [...p.osFeatures];
  if (p.variant) img.variant = p.variant;
  if (p.os !== "windows") img.config.Env = ["PATH=" + DEFAULT_PATH_UNIX];
  return img;
}
function imagePlatform(img) {
  const p = { os: img.os, architecture: img.architecture };
  if (img.variant) p.variant = img.variant;
  if (img["os.version"]) p.osVersion = img["os.version"];
  if (img["os.features"]) p.osFeatures = [...img["os.features"]];
  return p;
}
function splitKeyValue(kv) {
  const i = kv.indexOf("=");
  return i < 0 ? [kv, ""] : [kv.slice(0, i), kv.slice(i + 1)];
}
function addEnv(env, k, v) {
  const out = env ?? [];
  const i = out.findIndex((e) => splitKeyValue(e)[0] === k);
  if (i >= 0) out[i] = `${k}=${v}`;
  else out.push(`${k}=${v}`);
  return out;
}
function defaultShell(os) {
  return os === "windows" ? ["cmd", "/S", "/C"] : ["/bin/sh", "-c"];
}
function withShell(img, args) {
  const shell = img.config.Shell && img.config.Shell.length > 0 ? [...img.config.Shell] : defaultShell(img.os);
  return [...shell, args.join(" ")];
}
function commitToHistory(img, msg, withLayer, isBuildkitOp, epoch) {
  const h = {};
  if (epoch !== void 0) h.created = epoch;
  h.created_by = isBuildkitOp ? msg + " # buildkit" : msg;
  h.comment = HISTORY_COMMENT;
  if (!withLayer) h.empty_layer = true;
  (img.history ??= []).push(h);
}
var foldedObj;
var foldedKeys = /* @__PURE__ */ new Map();
function field(obj, name) {
  if (name in obj) return obj[name];
  if (foldedObj !== obj) {
    foldedKeys = /* @__PURE__ */ new Map();
    for (const k2 of Object.keys(obj)) {
      const lower = k2.toLowerCase();
      if (!foldedKeys.has(lower)) foldedKeys.set(lower, k2);
    }
    foldedObj = obj;
  }
  const k = foldedKeys.get(name.toLowerCase());
  return k === void 0 ? void 0 : obj[k];
}
function asString(v) {
  return typeof v === "string" && v !== "" ? v : void 0;
}
function asStrings(v) {
  if (!Array.isArray(v)) return void 0;
  return v.map((x) => typeof x === "string" ? x : String(x));
}
function asSet(v) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return void 0;
  const out = {};
  for (const k of Object.keys(v)) out[k] = {};
  return out;
}
function asNumber(v) {
  return typeof v === "number" && v !== 0 ? v : void 0;
}
function asObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v : void 0;
}
function normalizeTime(t) {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/i.exec(t);
  if (!m) return t;
  const frac = (m[2] ?? "").replace(/0+$/, "");
  const zone = m[3] === "+00:00" || m[3] === "-00:00" || m[3].toUpperCase() === "Z" ? "Z" : m[3];
  return m[1].toUpperCase() + (frac ? "." + frac : "") + zone;
}
function parseImage(text) {
  const doc = asObject(JSON.parse(text)) ?? {};
  const img = {
    architecture: typeof field(doc, "architecture") === "string" ? field(doc, "architecture") : "",
    os: typeof field(doc, "os") === "string" ? field(doc, "os") : "",
    rootfs: { type: "", diff_ids: null },
    config: {}
  };
  const created = asString(field(doc, "created"));
  if (created) img.created = normalizeTime(created);
  const author = asString(field(doc, "author"));
  if (author) img.author = author;
  const osv = asString(field(doc, "os.version"));
  if (osv) img["os.version"] = osv;
  const osf = asStrings(field(doc, "os.features"));
  if (osf) img["os.features"] = osf;
  const variant = asString(field(doc, "variant"));
  if (variant) img.variant = variant;
  const rootfs = asObject(field(doc, "rootfs"));
  if (rootfs) {
    img.rootfs.type = typeof field(rootfs, "type") === "string" ? field(rootfs, "type") : "";
    img.rootfs.diff_ids = asStrings(field(rootfs, "diff_ids")) ?? null;
  }
  const history = field(doc, "history");
  if (Array.isArray(history)) {
    img.history = history.map((hv) => {
      const h = asObject(hv) ?? {};
      const e = {};
      const c = asString(field(h, "created"));
      if (c) e.created = normalizeTime(c);
      const cb = asString(field(h, "created_by"));
      if (cb) e.created_by = cb;
      const a = asString(field(h, "author"));
      if (a) e.author = a;
      const cm = asString(field(h, "comment"));
      if (cm) e.comment = cm;
      if (field(h, "empty_layer") === true) e.empty_layer = true;
      return e;
    });
  }
  const cfg = asObject(field(doc, "config"));
  if (cfg) {
    const c = img.config;
    c.User = asString(field(cfg, "User"));
    c.ExposedPorts = asSet(field(cfg, "ExposedPorts"));
    c.Env = asStrings(field(cfg, "Env"));
    c.Entrypoint = asStrings(field(cfg, "Entrypoint"));
    c.Cmd = asStrings(field(cfg, "Cmd"));
    c.Volumes = asSet(field(cfg, "Volumes"));
    c.WorkingDir = asString(field(cfg, "WorkingDir"));
    const labels = asObject(field(cfg, "Labels"));
    if (labels) {
      c.Labels = {};
      for (const [k, v] of Object.entries(labels)) c.Labels[k] = typeof v === "string" ? v : "";
    }
    c.StopSignal = asString(field(cfg, "StopSignal"));
    if (field(cfg, "ArgsEscaped") === true) c.ArgsEscaped = true;
    const hc = asObject(field(cfg, "Healthcheck"));
    if (hc) {
      c.Healthcheck = {
        Test: asStrings(field(hc, "Test")),
        Interval: asNumber(field(hc, "Interval")),
        Timeout: asNumber(field(hc, "Timeout")),
        StartPeriod: asNumber(field(hc, "StartPeriod")),
        StartInterval: asNumber(field(hc, "StartInterval")),
        Retries: asNumber(field(hc, "Retries"))
      };
    }
    c.OnBuild = asStrings(field(cfg, "OnBuild"));
    c.Shell = asStrings(field(cfg, "Shell"));
    for (const k of Object.keys(c)) if (c[k] === void 0) delete c[k];
  }
  return img;
}
function nonEmptyList(l) {
  return l !== void 0 && l.length > 0;
}
function nonEmptyMap(m) {
  return m !== void 0 && Object.keys(m).length > 0;
}
function sortedMap(m) {
  const out = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
}
function imageToJSON(img) {
  const o = {};
  if (img.created) o.created = img.created;
  if (img.author) o.author = img.author;
  o.architecture = img.architecture;
  o.os = img.os;
  if (img["os.version"]) o["os.version"] = img["os.version"];
  if (nonEmptyList(img["os.features"])) o["os.features"] = img["os.features"];
  if (img.variant) o.variant = img.variant;
  o.rootfs = { type: img.rootfs.type, diff_ids: img.rootfs.diff_ids };
  if (nonEmptyList(img.history)) {
    o.history = img.history.map((h) => {
      const e = {};
      if (h.created) e.created = h.created;
      if (h.created_by) e.created_by = h.created_by;
      if (h.author) e.author = h.author;
      if (h.comment) e.comment = h.comment;
      if (h.empty_layer) e.empty_layer = true;
      return e;
    });
  }
  const c = img.config;
  const cfg = {};
  if (c.User) cfg.User = c.User;
  if (nonEmptyMap(c.ExposedPorts)) cfg.ExposedPorts = sortedMap(c.ExposedPorts);
  if (nonEmptyList(c.Env)) cfg.Env = c.Env;
  if (nonEmptyList(c.Entrypoint)) cfg.Entrypoint = c.Entrypoint;
  if (nonEmptyList(c.Cmd)) cfg.Cmd = c.Cmd;
  if (nonEmptyMap(c.Volumes)) cfg.Volumes = sortedMap(c.Volumes);
  if (c.WorkingDir) cfg.WorkingDir = c.WorkingDir;
  if (nonEmptyMap(c.Labels)) cfg.Labels = sortedMap(c.Labels);
  if (c.StopSignal) cfg.StopSignal = c.StopSignal;
  if (c.ArgsEscaped) cfg.ArgsEscaped = true;
  if (c.Healthcheck) {
    const h = c.Healthcheck;
    const hc = {};
    if (nonEmptyList(h.Test)) hc.Test = h.Test;
    if (h.Interval) hc.Interval = h.Interval;
    if (h.Timeout) hc.Timeout = h.Timeout;
    if (h.StartPeriod) hc.StartPeriod = h.StartPeriod;
    if (h.StartInterval) hc.StartInterval = h.StartInterval;
    if (h.Retries) hc.Retries = h.Retries;
    cfg.Healthcheck = hc;
  }
  if (nonEmptyList(c.OnBuild)) cfg.OnBuild = c.OnBuild;
  if (nonEmptyList(c.Shell)) cfg.Shell = c.Shell;
  o.config = cfg;
  return o;
}
function marshalImage(img) {
  return goJSONStringify(imageToJSON(img));
}

// src/dockerfile/convert/paths.ts
function normalizePath(parent, newPath, keepSlash) {
  const orig = newPath;
  if (parent === "") parent = "/";
  if (!isAbsPath(parent)) parent = joinPath("/", parent);
  if (newPath === "") newPath = parent;
  if (!isAbsPath(newPath)) newPath = joinPath(parent, newPath);
  if (keepSlash) {
    if (orig.endsWith("/") && !newPath.endsWith("/")) {
      newPath += "/";
    } else if (orig.endsWith("/.")) {
      if (newPath !== "/") newPath += "/";
      newPath += ".";
    }
  }
  return newPath;
}
function normalizeContextPaths(paths) {
  const out = [];
  for (const p of paths) {
    if (p === "/") return void 0;
    out.push(joinPath(".", p));
  }
  if (out.length === 0) return void 0;
  return out.sort(compareStrings);
}
function compareStrings(a, b) {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return Buffer.compare(ba, bb);
}

// src/dockerfile/convert/progress.ts
function prefixCommand(ds, str, prefixPlatform, platform, env) {
  if (ds.cmdTotal === 0) return str;
  let out = "[";
  if (prefixPlatform && platform !== void 0) {
    out += formatPlatformAll(platform) + formatTargetPlatform(platform, platformFromEnv(env)) + " ";
  }
  if (ds.stageName !== "") out += ds.stageName + " ";
  ds.cmdIndex++;
  const width = Math.floor(1 + Math.log10(ds.cmdTotal));
  out += `${String(ds.cmdIndex).padStart(width, " ")}/${ds.cmdTotal}] `;
  if (ds.cmdIsOnBuild) out += "ONBUILD ";
  return out + str;
}
function formatTargetPlatform(base, target) {
  if (target === void 0) return "";
  const t = { ...target };
  if (!t.os) t.os = base.os;
  if (!t.architecture) t.architecture = base.architecture;
  const p = normalizePlatform(t);
  if (p.os === base.os && p.architecture !== base.architecture) {
    return "->" + p.architecture + (p.variant ? "/" + p.variant : "");
  }
  if (p.os !== base.os) return "->" + formatPlatformAll(p);
  return "";
}
function platformFromEnv(env) {
  const p = { os: "", architecture: "" };
  let set = false;
  for (const key of env.keys()) {
    const v = env.get(key) ?? "";
    switch (key) {
      case "TARGETPLATFORM":
        try {
          return parsePlatform(v);
        } catch {
          continue;
        }
      case "TARGETOS":
        p.os = v;
        set = true;
        break;
      case "TARGETARCH":
        p.architecture = v;
        set = true;
        break;
      case "TARGETVARIANT":
        p.variant = v;
        set = true;
        break;
    }
  }
  return set ? p : void 0;
}
function uppercaseCmd(str) {
  const i = str.indexOf(" ");
  return i < 0 ? str.toUpperCase() : str.slice(0, i).toUpperCase() + str.slice(i);
}
function summarizeHeredoc(doc) {
  const lines = doc.trim().replace(/\r\n/g, "\n").split("\n");
  return lines.length > 1 ? lines[0] + "..." : lines[0];
}

// src/dockerfile/convert/util.ts
var emptyEnv = { get: () => void 0, keys: () => [] };
function locationOf(sm, r) {
  if (r === void 0) return [sm.location([])];
  const ranges = [];
  for (let line = r.start; line <= r.end; line++) ranges.push({ start: { line, character: 0 }, end: { line, character: 0 } });
  return [sm.location(ranges)];
}
function wrapError(err, prefix) {
  const msg = err instanceof Error ? err.message : String(err);
  const ranges = err instanceof DockerfileError ? err.ranges : [];
  return new DockerfileError(`${prefix}: ${msg}`, ranges);
}
function dfCmd(code) {
  return { description: { "com.docker.dockerfile.v1.command": code } };
}

// src/dockerfile/lint/ignore.ts
function readIgnoreFile(text) {
  const out = [];
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  lines.forEach((raw, i) => {
    let line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (i === 0 && line.startsWith("\uFEFF")) line = line.slice(1);
    if (line.startsWith("#")) return;
    let pattern = line.trim();
    if (pattern === "") return;
    const invert = pattern.startsWith("!");
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith("/")) pattern = pattern.slice(1);
    }
    out.push(invert ? "!" + pattern : pattern);
  });
  return out;
}
var REGEX_SPECIAL = /* @__PURE__ */ new Set([".", "+", "(", ")", "|", "{", "}", "$"]);
function escapeForRegex(ch) {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? "\\" + ch : ch;
}
function compile2(pattern) {
  const chars = [...pattern];
  let re = "^";
  let kind = "exact";
  for (let i = 0, n = 0; i < chars.length; n++) {
    const ch = chars[i++];
    if (ch === "*") {
      if (chars[i] === "*") {
        i++;
        if (chars[i] === "/") i++;
        if (i >= chars.length) {
          if (kind === "exact") kind = "prefix";
          else {
            re += ".*";
            kind = "regexp";
          }
        } else {
          re += "(.*/)?";
          kind = "regexp";
        }
        if (n === 0) kind = "suffix";
      } else {
        re += "[^/]*";
        kind = "regexp";
      }
    } else if (ch === "?") {
      re += "[^/]";
      kind = "regexp";
    } else if (REGEX_SPECIAL.has(ch)) {
      re += "\\" + ch;
    } else if (ch === "\\") {
      if (i < chars.length) {
        re += escapeForRegex(chars[i++]);
        kind = "regexp";
      } else re += "\\\\";
    } else if (ch === "[" || ch === "]") {
      re += ch;
      kind = "regexp";
    } else {
      re += escapeForRegex(ch);
    }
  }
  switch (kind) {
    case "exact":
      return (p) => p === pattern;
    case "prefix": {
      const prefix = pattern.slice(0, -2);
      return (p) => p.startsWith(prefix);
    }
    case "suffix": {
      const suffix = pattern.slice(2);
      return (p) => p.endsWith(suffix) || suffix.startsWith("/") && p === suffix.slice(1);
    }
    case "regexp": {
      let rx;
      try {
        rx = new RegExp(re + "$", "su");
      } catch {
        rx = void 0;
      }
      return (p) => rx === void 0 ? false : rx.test(p);
    }
  }
}
var IgnoreMatcher = class {
  patterns = [];
  /** True when any pattern is a `!` exclusion. */
  exclusions;
  constructor(patterns) {
    let exclusions = false;
    for (const raw of patterns) {
      let p = raw.trim();
      if (p === "") continue;
      p = cleanPath(p);
      let exclusion = false;
      if (p.startsWith("!")) {
        if (p.length === 1) throw new Error('illegal exclusion pattern: "!"');
        exclusion = true;
        exclusions = true;
        p = p.slice(1);
      }
      this.patterns.push({ text: p, exclusion, match: compile2(p) });
    }
    this.exclusions = exclusions;
  }
  /** Whether any non-exclusion pattern is one that ignores every root entry. */
  ignoresContextRoot() {
    return this.patterns.some((p) => !p.exclusion && (p.text === "*" || p.text === "**" || p.text === "**/*"));
  }
  /** The path, or one of its parent directories, is ignored (and not re-included later). */
  matchesOrParentMatches(file) {
    let matched = false;
    const slash = file.lastIndexOf("/");
    const parent = slash < 0 ? "." : slash === 0 ? "/" : file.slice(0, slash);
    const parentDirs = parent.split("/");
    for (const pattern of this.patterns) {
      if (pattern.exclusion !== matched) continue;
      let match = pattern.match(file);
      if (!match && parent !== ".") {
        for (let i = 0; i < parentDirs.length && !match; i++) match = pattern.match(parentDirs.slice(0, i + 1).join("/"));
      }
      if (match) matched = !pattern.exclusion;
    }
    return matched;
  }
};

// src/dockerfile/lint/rules.ts
var rules_exports = {};
__export(rules_exports, {
  ALL_RULES: () => ALL_RULES,
  ConsistentInstructionCasing: () => ConsistentInstructionCasing,
  CopyIgnoredFile: () => CopyIgnoredFile,
  DuplicateStageName: () => DuplicateStageName,
  ExposeInvalidFormat: () => ExposeInvalidFormat,
  ExposeProtoCasing: () => ExposeProtoCasing,
  FromAsCasing: () => FromAsCasing,
  FromPlatformFlagConstDisallowed: () => FromPlatformFlagConstDisallowed,
  InvalidBaseImagePlatform: () => InvalidBaseImagePlatform,
  InvalidDefaultArgInFrom: () => InvalidDefaultArgInFrom,
  InvalidDefinitionDescription: () => InvalidDefinitionDescription,
  JSONArgsRecommended: () => JSONArgsRecommended,
  LegacyKeyValueFormat: () => LegacyKeyValueFormat,
  MaintainerDeprecated: () => MaintainerDeprecated,
  MultipleInstructionsDisallowed: () => MultipleInstructionsDisallowed,
  NoEmptyContinuation: () => NoEmptyContinuation,
  RedundantTargetPlatform: () => RedundantTargetPlatform,
  ReservedStageName: () => ReservedStageName,
  SecretsUsedInArgOrEnv: () => SecretsUsedInArgOrEnv,
  StageNameCasing: () => StageNameCasing,
  UndefinedArgInFrom: () => UndefinedArgInFrom,
  UndefinedVar: () => UndefinedVar,
  WorkdirRelativePath: () => WorkdirRelativePath
});
var DOCS = "https://docs.docker.com/go/dockerfile/rule/";
function rule(name, page, description, format, experimental = false) {
  return { name, description, url: page === "" ? "" : `${DOCS}${page}/`, experimental, format };
}
var didYouMean = (suggestion, prefix = "") => suggestion === "" ? "" : ` (did you mean ${prefix}${suggestion}?)`;
var StageNameCasing = rule(
  "StageNameCasing",
  "stage-name-casing",
  "Stage names should be lowercase",
  (stageName) => `Stage name '${stageName}' should be lowercase`
);
var FromAsCasing = rule(
  "FromAsCasing",
  "from-as-casing",
  "The 'as' keyword should match the case of the 'from' keyword",
  (fromKeyword, asKeyword) => `'${asKeyword}' and '${fromKeyword}' keywords' casing do not match`
);
var NoEmptyContinuation = rule(
  "NoEmptyContinuation",
  "no-empty-continuation",
  "Empty continuation lines will become errors in a future release",
  () => "Empty continuation line"
);
var ConsistentInstructionCasing = rule(
  "ConsistentInstructionCasing",
  "consistent-instruction-casing",
  "All commands within the Dockerfile should use the same casing (either upper or lower)",
  (command, majority) => `Command '${command}' should match the case of the command majority (${majority})`
);
var DuplicateStageName = rule(
  "DuplicateStageName",
  "duplicate-stage-name",
  "Stage names should be unique",
  (stageName) => `Duplicate stage name ${goQuote(stageName)}, stage names should be unique`
);
var ReservedStageName = rule(
  "ReservedStageName",
  "reserved-stage-name",
  "Reserved words should not be used as stage names",
  (stageName) => `Stage name should not use the same name as reserved stage ${goQuote(stageName)}`
);
var JSONArgsRecommended = rule(
  "JSONArgsRecommended",
  "json-args-recommended",
  "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals",
  (instruction) => `JSON arguments recommended for ${instruction} to prevent unintended behavior related to OS signals`
);
var MaintainerDeprecated = rule(
  "MaintainerDeprecated",
  "maintainer-deprecated",
  "The MAINTAINER instruction is deprecated, use a label instead to define an image author",
  () => "Maintainer instruction is deprecated in favor of using label"
);
var UndefinedArgInFrom = rule(
  "UndefinedArgInFrom",
  "undefined-arg-in-from",
  "FROM command must use declared ARGs",
  (arg, suggestion) => `FROM argument '${arg}' is not declared${didYouMean(suggestion)}`
);
var WorkdirRelativePath = rule(
  "WorkdirRelativePath",
  "workdir-relative-path",
  "Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes",
  (workdir) => `Relative workdir ${goQuote(workdir)} can have unexpected results if the base image changes`
);
var UndefinedVar = rule(
  "UndefinedVar",
  "undefined-var",
  "Variables should be defined before their use",
  (name, suggestion) => `Usage of undefined variable '$${name}'${didYouMean(suggestion, "$")}`
);
var MultipleInstructionsDisallowed = rule(
  "MultipleInstructionsDisallowed",
  "multiple-instructions-disallowed",
  "Multiple instructions of the same type should not be used in the same stage",
  (instruction) => `Multiple ${instruction} instructions should not be used in the same stage because only the last one will be used`
);
var LegacyKeyValueFormat = rule(
  "LegacyKeyValueFormat",
  "legacy-key-value-format",
  "Legacy key/value format with whitespace separator should not be used",
  (instruction) => `"${instruction} key=value" should be used instead of legacy "${instruction} key value" format`
);
var InvalidBaseImagePlatform = rule(
  "InvalidBaseImagePlatform",
  "",
  "Base image platform does not match expected target platform",
  (image2, expected, actual) => `Base image ${image2} was pulled with platform ${goQuote(actual)}, expected ${goQuote(expected)} for current build`
);
var RedundantTargetPlatform = rule(
  "RedundantTargetPlatform",
  "redundant-target-platform",
  "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior",
  (platform) => `Setting platform to predefined ${platform} in FROM is redundant as this is the default behavior`
);
var SecretsUsedInArgOrEnv = rule(
  "SecretsUsedInArgOrEnv",
  "secrets-used-in-arg-or-env",
  "Sensitive data should not be used in the ARG or ENV commands",
  (instruction, key) => `Do not use ARG or ENV instructions for sensitive data (${instruction} ${goQuote(key)})`
);
var InvalidDefaultArgInFrom = rule(
  "InvalidDefaultArgInFrom",
  "invalid-default-arg-in-from",
  "Default value for global ARG results in an empty or invalid base image name",
  (baseName) => `Default value for ARG ${baseName} results in empty or invalid base image name`
);
var FromPlatformFlagConstDisallowed = rule(
  "FromPlatformFlagConstDisallowed",
  "from-platform-flag-const-disallowed",
  "FROM --platform flag should not use a constant value",
  (platform) => `FROM --platform flag should not use constant value ${goQuote(platform)}`
);
var CopyIgnoredFile = rule(
  "CopyIgnoredFile",
  "copy-ignored-file",
  "Attempting to Copy file that is excluded by .dockerignore",
  (command, file) => `Attempting to ${command} file ${goQuote(file)} that is excluded by .dockerignore`
);
var InvalidDefinitionDescription = rule(
  "InvalidDefinitionDescription",
  "invalid-definition-description",
  "Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.",
  (instruction, name) => `Comment for ${instruction} should follow the format: \`# ${name} <description>\``,
  true
);
var ExposeProtoCasing = rule(
  "ExposeProtoCasing",
  "expose-proto-casing",
  "Protocol in EXPOSE instruction should be lowercase",
  (port) => `Defined protocol '${port}' in EXPOSE instruction should be lowercase`
);
var ExposeInvalidFormat = rule(
  "ExposeInvalidFormat",
  "expose-invalid-format",
  "IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release",
  (port) => `EXPOSE instruction should not define an IP address or host-port mapping, found '${port}'`
);
var ALL_RULES = [
  StageNameCasing,
  FromAsCasing,
  NoEmptyContinuation,
  ConsistentInstructionCasing,
  DuplicateStageName,
  ReservedStageName,
  JSONArgsRecommended,
  MaintainerDeprecated,
  UndefinedArgInFrom,
  WorkdirRelativePath,
  UndefinedVar,
  MultipleInstructionsDisallowed,
  LegacyKeyValueFormat,
  InvalidBaseImagePlatform,
  RedundantTargetPlatform,
  SecretsUsedInArgOrEnv,
  InvalidDefaultArgInFrom,
  FromPlatformFlagConstDisallowed,
  CopyIgnoredFile,
  InvalidDefinitionDescription,
  ExposeProtoCasing,
  ExposeInvalidFormat
];

// src/dockerfile/lint/checks.ts
var RESERVED_STAGE_NAMES = /* @__PURE__ */ new Set(["context", "scratch"]);
var NON_ENV_ARGS = /* @__PURE__ */ new Set(["BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"]);
function validateStageNames(stages, lint2) {
  const seen = /* @__PURE__ */ new Set();
  for (const st of stages) {
    if (st.name === "") continue;
    if (RESERVED_STAGE_NAMES.has(st.name)) lint2.run(ReservedStageName, st.location, st.name);
    if (seen.has(st.name)) lint2.run(DuplicateStageName, st.location, st.name);
    seen.add(st.name);
  }
}
function selfConsistent(s) {
  return s === s.toLowerCase() || s === s.toUpperCase();
}
function validateCommandCasing(stages, lint2) {
  let lower = 0;
  let upper = 0;
  const count = (name) => {
    if (!selfConsistent(name)) return;
    if (name === name.toLowerCase()) lower++;
    else upper++;
  };
  for (const st of stages) {
    count(st.origCmd);
    for (const c of st.commands) count(c.name);
  }
  const majorityLower = lower > upper;
  const check = (name, location) => {
    if (majorityLower && name.toLowerCase() !== name) lint2.run(ConsistentInstructionCasing, location, name, "lowercase");
    else if (!majorityLower && name.toUpperCase() !== name) lint2.run(ConsistentInstructionCasing, location, name, "uppercase");
  };
  for (const st of stages) {
    check(st.origCmd, st.location);
    for (const c of st.commands) check(c.name, c.location);
  }
}
function reportUnusedFromArgs(declared, unmatched, location, lint2) {
  const keys = [...declared];
  for (const arg of unmatched) {
    if (declared.has(arg)) continue;
    lint2.run(UndefinedArgInFrom, location, arg, suggest(arg, keys, true) ?? "");
  }
}
function declaredFromArgs(globalArgs, metaArgKeys) {
  return /* @__PURE__ */ new Set([...metaArgKeys, ...globalArgs.keys()]);
}
function reportRedundantTargetPlatform(platformFlag, match, location, env, lint2) {
  if (match.matched.size !== 1 || match.unmatched.size !== 0) return;
  if (!match.matched.has("TARGETPLATFORM")) return;
  if (match.result === (env.get("TARGETPLATFORM") ?? "")) lint2.run(RedundantTargetPlatform, location, platformFlag);
}
function reportConstPlatformDisallowed(stageName, match, location, lint2) {
  if (match.matched.size > 0 || match.unmatched.size > 0) return;
  let p;
  try {
    p = parsePlatform(match.result);
  } catch {
    return;
  }
  if (stageName.includes(p.os) || stageName.includes(p.architecture)) return;
  lint2.run(FromPlatformFlagConstDisallowed, location, match.result);
}
function validateUsedOnce(c, tracker, lint2) {
  if (tracker.isSet) lint2.run(MultipleInstructionsDisallowed, tracker.location, c.name);
  tracker.location = c.location;
  tracker.isSet = true;
}
function validateBaseImagePlatform(name, expected, actual, location, lint2) {
  if (expected.os === actual.os && expected.architecture === actual.architecture) return;
  const want = formatPlatformAll(normalizePlatform(expected));
  const got = formatPlatformAll(normalizePlatform(actual));
  lint2.run(InvalidBaseImagePlatform, location, name, want, got);
}
var SECRET_WORD = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
var ALLOWED_WORD = /(?:_|^)(?:public|file|version)(?:_|$)/i;
function validateNoSecretKey(instruction, key, location, lint2) {
  if (SECRET_WORD.test(key) && !ALLOWED_WORD.test(key)) lint2.run(SecretsUsedInArgOrEnv, location, instruction, key);
}
function validateBaseImagesWithDefaultArgs(stages, expand, defaultsEnv, lint2) {
  if (defaultsEnv === void 0) return;
  for (const st of stages) {
    let result;
    try {
      result = expand(st.baseName, defaultsEnv).result;
    } catch {
      return;
    }
    try {
      parseNormalizedNamed(result);
    } catch {
      lint2.run(InvalidDefaultArgInFrom, st.location, st.baseName);
    }
  }
}
function reportUnmatchedVariables(location, declaredArgs, env, unmatched, lint2) {
  if (unmatched.size === 0) return;
  const remaining = new Set(unmatched);
  for (const a of declaredArgs) remaining.delete(a.key);
  if (remaining.size === 0) return;
  const options = env.keys();
  for (const name of remaining) {
    if (NON_ENV_ARGS.has(name)) continue;
    lint2.run(UndefinedVar, location, name, suggest(name, options, true) ?? "");
  }
}
function validateWorkdir(path, os, alreadySet, location, lint2) {
  if (alreadySet || isAbsolute(path, os)) return;
  lint2.run(WorkdirRelativePath, location, path);
}
function isAbsolute(p, os) {
  if (os !== "windows") return p.startsWith("/");
  return /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith("/") || p.startsWith("\\");
}
function validateKeyValuePairs(instruction, name, pairs, location, lint2) {
  for (const p of pairs) {
    if (p.noDelim) lint2.run(LegacyKeyValueFormat, location, name);
    if (instruction === "ENV") validateNoSecretKey("ENV", p.key, location, lint2);
  }
}
function validateCopySourcePath(src, isAdd, matcher, location, lint2) {
  if (matcher === void 0 || matcher.exclusions) return;
  const cleaned = cleanPath(src);
  if ((cleaned === "." || cleaned === "/") && !matcher.ignoresContextRoot()) return;
  if (matcher.matchesOrParentMatches(cleaned)) lint2.run(CopyIgnoredFile, location, isAdd ? "Add" : "Copy", cleaned);
}

// src/dockerfile/convert/copy.ts
function pathRelativeToWorkingDir(state, p) {
  if (p.startsWith("/")) return normalizePath("/", p, true);
  if (p === "." || p === "") p = "./";
  return normalizePath(state.getDir(), p, true);
}
function containsWildcards(name) {
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (ch === "*" || ch === "?" || ch === "[") return true;
    if (ch === "\\") i++;
  }
  return false;
}
var DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
function validateDigest2(d) {
  const i = d.indexOf(":");
  if (i <= 0 || i + 1 >= d.length) throw new Error("invalid checksum digest format");
  if (!DIGEST_RE.test(d)) throw new Error("invalid checksum digest format");
  const alg = d.slice(0, i);
  const hex = d.slice(i + 1);
  const lens = { sha256: 64, sha384: 96, sha512: 128 };
  if (!(alg in lens)) throw new Error("unsupported digest algorithm");
  if (hex.length !== lens[alg] || !/^[a-f0-9]+$/.test(hex)) throw new Error("invalid checksum digest length");
}
function dispatchCopy(d, cfg) {
  const platform = d.platform ?? cfg.opt.targetPlatform;
  const dest = pathRelativeToWorkingDir(d.state, cfg.params.destPath);
  const chown = cfg.chown !== "" ? chownFromString(cfg.chown) : void 0;
  const exclude = cfg.excludePatterns.length > 0 ? cfg.excludePatterns : void 0;
  let mode;
  if (cfg.chmod !== "") {
    const m = parseChmod(cfg.chmod);
    mode = "mode" in m ? m.mode : m.modeStr;
  }
  let checksum = cfg.checksum;
  if (checksum !== "") {
    if (!cfg.isAddCommand) throw new Error("checksum can't be specified for COPY");
    if (cfg.params.sourcePaths.length !== 1) throw new Error("checksum can't be specified for multiple sources");
    const s = cfg.params.sourcePaths[0];
    if (!isHTTPSource(s) && !isGitSource(s)) throw new Error("checksum requires HTTP(S) or Git sources");
  }
  let msg = cfg.isAddCommand ? "ADD" : "COPY";
  if (cfg.parents) msg += " --parents";
  if (cfg.chown !== "") msg += " --chown=" + cfg.chown;
  if (cfg.chmod !== "") msg += " --chmod=" + cfg.chmod;
  const env = stateEnv(d.state);
  const name = uppercaseCmd(processCmdEnv(cfg.opt.shlex, cfg.code, env));
  const pgName = prefixCommand(d, name, d.prefixPlatform, platform, env);
  let a;
  const add = (from, src, opts) => {
    a = a === void 0 ? copy(from, src, dest, opts) : a.copy(from, src, dest, opts);
  };
  let keepGitDir = cfg.keepGitDir;
  for (const src0 of cfg.params.sourcePaths) {
    let src = src0;
    msg += " " + src;
    const gitRef = parseGitRef(src);
    if (gitRef !== void 0 && !gitRef.indistinguishableFromLocal) {
      if (!cfg.isAddCommand) throw new Error("source can't be a git ref for COPY");
      if (keepGitDir !== void 0 && gitRef.keepGitDir !== void 0 && keepGitDir !== gitRef.keepGitDir) {
        throw new Error("inconsistent keep-git-dir configuration");
      }
      if (gitRef.keepGitDir !== void 0) keepGitDir = gitRef.keepGitDir;
      if (checksum !== "" && gitRef.checksum !== "" && checksum !== gitRef.checksum) {
        throw new Error(`checksum mismatch "${checksum}" != "${gitRef.checksum}"`);
      }
      if (gitRef.checksum !== "") checksum = gitRef.checksum;
      const st = git(gitRef.remote, "", {
        customName: pgName,
        ref: gitRef.ref || void 0,
        keepGitDir: keepGitDir === true ? true : void 0,
        checksum: checksum || void 0,
        subdir: gitRef.subDir || void 0,
        skipSubmodules: gitRef.submodules === false ? true : void 0,
        fetchByCommit: gitRef.fetchByCommit || void 0
      });
      add(st, "/", { mode, createDestPath: true, chown, excludePatterns: exclude });
    } else if (isHTTPSource(src)) {
      if (!cfg.isAddCommand) throw new Error("source can't be a URL for COPY");
      let f = "__unnamed__";
      try {
        const u = new URL(src);
        const b = basePath(decodeURIComponent(u.pathname));
        if (b !== "." && b !== "/") f = b;
      } catch {
      }
      if (checksum !== "") validateDigest2(checksum);
      const st = http(src, {
        filename: f,
        customName: pgName,
        checksum: checksum || void 0,
        ...dfCmd("")
      });
      add(st, f, { mode, createDestPath: true, attemptUnpack: cfg.unpack === true ? true : void 0, chown, excludePatterns: exclude });
    } else {
      validateCopySourcePath(src, cfg.isAddCommand, cfg.ignoreMatcher, cfg.location, cfg.opt.lint);
      let patterns;
      let requiredPaths;
      if (cfg.parents) {
        const i = src.indexOf("/./");
        let pattern;
        if (i < 0) {
          pattern = src;
          src = "/";
        } else {
          pattern = src.slice(i + 3);
          src = src.slice(0, i);
        }
        pattern = normalizePath("/", pattern, false);
        patterns = [pattern.replace(/^\//, "")];
        if (!containsWildcards(src) && !containsWildcards(pattern)) {
          requiredPaths = [normalizePath("/", cleanPath(src + "/" + pattern), false)];
        }
      }
      src = normalizePath("/", src, false);
      const unpack = cfg.unpack ?? cfg.isAddCommand;
      add(cfg.source, src, {
        mode,
        followSymlinks: true,
        copyDirContentsOnly: true,
        includePatterns: patterns,
        requiredPaths,
        attemptUnpack: unpack || void 0,
        createDestPath: true,
        allowWildcard: true,
        allowEmptyWildcard: true,
        chown,
        excludePatterns: exclude
      });
    }
  }
  for (const content of cfg.params.sourceContents) {
    msg += " <<" + content.path;
    const st = scratch().file(mkfile(content.path, 420, content.data), { customName: "[internal] preparing inline document", platform: d.platform });
    add(st, content.path, { mode, createDestPath: true, chown, excludePatterns: exclude });
  }
  msg += " " + cfg.params.destPath;
  const fileOpt = {
    customName: pgName,
    sourceLocations: locationOf(cfg.opt.sourceMap, cfg.location),
    ignoreCache: d.ignoreCache || void 0
  };
  const action = a;
  if (cfg.opt.caps.supports(Caps.mergeOp) && cfg.link && cfg.chmod === "") {
    const pgID = randomBytes(13).toString("base64url").toLowerCase().slice(0, 25);
    d.cmdIndex--;
    const groupName = prefixCommand(d, name, d.prefixPlatform, platform, env);
    const copyOpts = {
      platform: d.platform,
      ...fileOpt,
      progressGroup: { id: pgID, name: groupName, weak: true }
    };
    d.cmdIndex--;
    const mergeOpts = {
      ...fileOpt,
      progressGroup: { id: pgID, name: groupName, weak: false },
      customName: prefixCommand(d, "LINK " + name, d.prefixPlatform, platform, env)
    };
    const merged = merge([d.state, scratch().file(action, copyOpts)], mergeOpts);
    d.state = d.state.withOutput(merged.output());
  } else {
    d.state = d.state.file(action, fileOpt);
  }
  commitToHistory(d.image, msg, true, true, cfg.opt.epoch);
}

// src/dockerfile/convert/expose.ts
import { isIP } from "node:net";
function parsePortNumber(raw) {
  if (raw === "") throw new Error("value is empty");
  if (!/^[+-]?\d+$/.test(raw)) throw new Error("invalid syntax");
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n > 2 ** 63 - 1 || n < -(2 ** 63)) throw new Error("value out of range");
  if (n < 0 || n > 65535) throw new Error("value out of range (0\u201365535)");
  return n;
}
function parsePortRange(ports) {
  if (ports === "") throw new Error("empty string specified for ports");
  const dash = ports.indexOf("-");
  const start = dash < 0 ? ports : ports.slice(0, dash);
  const end = dash < 0 ? "" : ports.slice(dash + 1);
  let s;
  try {
    s = parsePortNumber(start);
  } catch (e) {
    throw new Error(`invalid start port '${start}': ${e.message}`);
  }
  if (dash < 0 || start === end) return [s, s];
  let en;
  try {
    en = parsePortNumber(end);
  } catch (e) {
    throw new Error(`invalid end port '${end}': ${e.message}`);
  }
  if (en < s) throw new Error("invalid port range: " + ports);
  return [s, en];
}
function splitProtoPort(raw) {
  const slash = raw.indexOf("/");
  const port = slash < 0 ? raw : raw.slice(0, slash);
  const proto = slash < 0 ? "" : raw.slice(slash + 1);
  if (port === "") throw new Error("no port specified");
  switch (proto.toLowerCase()) {
    case "":
      return ["tcp", port];
    case "tcp":
    case "udp":
    case "sctp":
      return [proto, port];
    default:
      throw new Error("invalid proto: " + proto);
  }
}
function splitParts(raw) {
  const parts = raw.split(":");
  switch (parts.length) {
    case 1:
      return ["", "", parts[0]];
    case 2:
      return ["", parts[0], parts[1]];
    case 3:
      return [parts[0], parts[1], parts[2]];
    default: {
      const n = parts.length;
      return [parts.slice(0, n - 2).join(":"), parts[n - 2], parts[n - 1]];
    }
  }
}
function parsePort(raw, warnings) {
  let [ip, hostPort, containerPort] = splitParts(raw);
  let proto;
  try {
    [proto, containerPort] = splitProtoPort(containerPort);
  } catch (e) {
    throw new Error(`invalid port: ${goQuote(raw)}: ${e.message}`);
  }
  if (warnings) {
    if (proto !== proto.toLowerCase()) warnings.push({ rule: "ExposeProtoCasing", port: raw });
    if (ip !== "" || hostPort !== "") warnings.push({ rule: "ExposeInvalidFormat", port: raw });
  }
  if (ip !== "" && ip[0] === "[") {
    const m = /^\[([^\]]*)\]$/.exec(ip);
    if (!m) throw new Error(`invalid IP address ${ip}: address ${ip}:: missing ']' in address`);
    ip = m[1];
  }
  if (ip !== "" && isIP(ip) === 0) throw new Error("invalid IP address: " + ip);
  let start;
  let end;
  try {
    [start, end] = parsePortRange(containerPort);
  } catch {
    throw new Error("invalid containerPort: " + containerPort);
  }
  if (hostPort !== "") {
    let hs;
    let he;
    try {
      [hs, he] = parsePortRange(hostPort);
    } catch {
      throw new Error("invalid hostPort: " + hostPort);
    }
    if (end - start !== he - hs && end !== start) {
      throw new Error(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
    }
  }
  const out = [];
  for (let p = start; p <= end; p++) out.push(`${p}/${proto.toLowerCase()}`);
  return out;
}
function parsePorts(ports, warnings) {
  return ports.flatMap((p) => parsePort(p, warnings));
}

// src/go/fmt.ts
function goQuoteList(list) {
  return "[" + (list ?? []).map(goQuote).join(" ") + "]";
}
function goList(list) {
  return "[" + (list ?? []).join(" ") + "]";
}

// src/dockerfile/convert/runmount.ts
function setCacheUIDGID(m, st) {
  const action = mkdir("/cache", m.mode ?? 493, { chown: { user: { uid: m.uid ?? 0 }, group: { uid: m.gid ?? 0 } } });
  return st.file(action, { customName: "[internal] setting cache mount permissions" });
}
function dispatchRunMounts(d, c, sources, opt) {
  const out = { mounts: [], secrets: [], ssh: [] };
  c.mounts.forEach((m0, i) => {
    const mount = { ...m0 };
    if (mount.from === "" && mount.type === "cache") mount.from = "scratch";
    let st = opt.buildContext;
    if (mount.from !== "") {
      const src = sources[i];
      st = src.state;
      if (!src.dispatched) {
        throw new Error(`cannot mount from stage "${mount.from}" to "${mount.target}", stage needs to be defined before current command`);
      }
    }
    const rm = { target: "", source: st };
    if (mount.type === "tmpfs") {
      st = scratch();
      rm.tmpfs = { size: mount.sizeLimit };
    }
    if (mount.type === "secret") {
      const s = dispatchSecret(mount);
      d.outline.addMount("secrets", s.id, mount.required, c.location);
      out.secrets.push(s);
      return;
    }
    if (mount.type === "ssh") {
      const s = dispatchSSH(mount);
      d.outline.addMount("ssh", mount.cacheId === "" ? "default" : mount.cacheId, mount.required, c.location);
      out.ssh.push(s);
      return;
    }
    if (mount.readOnly) rm.readonly = true;
    else if (mount.type === "bind" && opt.caps.supports("exec.mount.bind.readwrite-nooutput")) rm.noOutput = true;
    if (mount.type === "cache") {
      const id = mount.cacheId === "" ? cleanPath(mount.target) : mount.cacheId;
      rm.cache = { id: opt.cacheIdNamespace + "/" + id, sharing: mount.cacheSharing === "" ? "shared" : mount.cacheSharing };
    }
    let target = mount.target;
    if (!cleanPath(mount.target).startsWith("/")) target = joinPath("/", d.state.getDir(), mount.target);
    if (target === "/") throw new Error(`invalid mount target "${target}"`);
    const srcPath = joinPath("/", mount.source);
    if (srcPath !== "/") rm.selector = srcPath;
    else if (mount.uid !== void 0 || mount.gid !== void 0 || mount.mode !== void 0) {
      st = setCacheUIDGID(mount, st);
      rm.selector = "/cache";
    }
    rm.target = target;
    rm.source = st;
    out.mounts.push(rm);
    if (mount.from === "") d.ctxPaths.add(joinPath("/", mount.source));
    else sources[i].paths.add(joinPath("/", mount.source));
  });
  return out;
}
function dispatchSecret(m) {
  let id = m.cacheId;
  if (m.source !== "") id = m.source;
  if (id === "") {
    if (m.target === "") throw new Error("one of source, target required");
    id = basePath(m.target);
  }
  let target = m.target !== "" ? m.target : void 0;
  if (m.env === void 0) target = m.target !== "" ? m.target : "/run/secrets/" + basePath(id);
  const s = { id, target, optional: !m.required };
  if (m.env !== void 0) s.env = m.env;
  if (m.uid !== void 0 || m.gid !== void 0 || m.mode !== void 0) {
    s.uid = m.uid ?? 0;
    s.gid = m.gid ?? 0;
    s.mode = m.mode ?? 256;
  }
  return s;
}
function dispatchSSH(m) {
  if (m.source !== "") throw new Error("ssh does not support source");
  const s = { id: m.cacheId, optional: !m.required };
  if (m.target !== "") s.target = m.target;
  if (m.uid !== void 0 || m.gid !== void 0 || m.mode !== void 0) {
    s.uid = m.uid ?? 0;
    s.gid = m.gid ?? 0;
    s.mode = m.mode ?? 384;
  }
  return s;
}
function withSecretEnvMask(c, env) {
  const masked = /* @__PURE__ */ new Map();
  for (const m of c.mounts) if (m.type === "secret" && m.env !== void 0) masked.set(m.env, "****");
  if (masked.size === 0) return env;
  return {
    get: (k) => masked.get(k) ?? env.get(k),
    keys: () => [...env.keys().filter((k) => !masked.has(k)), ...masked.keys()]
  };
}

// src/dockerfile/convert/signal.ts
var names = new Set(
  "ABRT ALRM BUS CHLD CLD CONT FPE HUP ILL INT IO IOT KILL PIPE POLL PROF PWR QUIT SEGV STKFLT STOP SYS TERM TRAP TSTP TTIN TTOU URG USR1 USR2 VTALRM WINCH XCPU XFSZ RTMIN RTMAX".split(
    " "
  )
);
for (let i = 1; i <= 15; i++) {
  names.add(`RTMIN+${i}`);
  names.add(`RTMAX-${i}`);
}
function validateSignal(raw) {
  if (/^[+-]?\d+$/.test(raw)) {
    if (Number(raw) === 0) throw new Error(`invalid signal: ${raw}`);
    return;
  }
  let name = raw.toUpperCase();
  if (name.startsWith("SIG")) name = name.slice(3);
  if (!names.has(name)) throw new Error(`invalid signal: ${raw}`);
}

// src/dockerfile/convert/dispatch.ts
var CAP_EXEC_CGROUP_PARENT = "exec.meta.cgroup.parent";
function stateEnv(state) {
  return state.env();
}
function processCmdEnv(lex, cmd, env) {
  try {
    return lex.processWord(cmd, env);
  } catch {
    return cmd;
  }
}
function dispatchCommand(d, sc, opt) {
  const lint2 = opt.lint.withCommentConfig(sc.command.comments);
  if (lint2 !== opt.lint) opt = { ...opt, lint: lint2 };
  d.cmdIsOnBuild = sc.isOnBuild;
  let cmd = sc.command;
  const expandReporting = (lex, word) => {
    const env = stateEnv(d.state);
    let res;
    try {
      res = lex.processWordWithMatches(word, env);
    } catch (err) {
      if (err instanceof ExpansionError) reportUnmatchedVariables(sc.command.location, d.buildArgs, env, err.unmatched, opt.lint);
      throw err;
    }
    reportUnmatchedVariables(sc.command.location, d.buildArgs, env, res.unmatched, opt.lint);
    return res.result;
  };
  if (supportsExpansion(cmd) && cmd.kind !== "arg") {
    cmd = expandCommand(cmd, (word) => expandReporting(opt.shlex, word));
  }
  if (supportsRawExpansion(cmd)) {
    const lex = new ShellLex("\\", { skipProcessQuotes: true });
    cmd = expandCommandRaw(cmd, (word) => expandReporting(lex, word));
  }
  switch (cmd.kind) {
    case "maintainer":
      d.image.author = cmd.maintainer;
      commitToHistory(d.image, `MAINTAINER ${cmd.maintainer}`, false, false, opt.epoch);
      return;
    case "env": {
      let msg = "ENV";
      for (const e of cmd.env) {
        validateKeyValuePairs("ENV", cmd.name, [e], cmd.location, opt.lint);
        msg += ` ${e.key}=${e.value}`;
        d.state = d.state.addEnv(e.key, e.value);
        d.image.config.Env = addEnv(d.image.config.Env, e.key, e.value);
      }
      commitToHistory(d.image, msg, false, false, opt.epoch);
      return;
    }
    case "run":
      dispatchRun(d, cmd, sc.sources, opt);
      return;
    case "workdir":
      dispatchWorkdir(d, cmd.path, cmd.code, cmd.location, true, opt);
      return;
    case "add":
      dispatchCopy(d, {
        params: cmd,
        excludePatterns: cmd.excludePatterns,
        source: opt.buildContext,
        isAddCommand: true,
        code: cmd.code,
        chown: cmd.chown,
        chmod: cmd.chmod,
        link: cmd.link,
        keepGitDir: cmd.keepGitDir,
        checksum: cmd.checksum,
        unpack: cmd.unpack,
        parents: false,
        location: cmd.location,
        ignoreMatcher: opt.dockerIgnore,
        opt
      });
      for (const src of cmd.sourcePaths) {
        if (!src.startsWith("http://") && !src.startsWith("https://")) d.ctxPaths.add(joinPath("/", src));
      }
      return;
    case "label": {
      let msg = "LABEL";
      const labels = d.image.config.Labels ??= {};
      for (const l of cmd.labels) {
        validateKeyValuePairs("LABEL", cmd.name, [l], cmd.location, opt.lint);
        labels[l.key] = l.value;
        msg += ` ${l.key}=${l.value}`;
      }
      commitToHistory(d.image, msg, false, false, opt.epoch);
      return;
    }
    case "onbuild":
      (d.image.config.OnBuild ??= []).push(cmd.expression);
      return;
    case "cmd": {
      validateUsedOnce(cmd, d.trackers.cmd, opt.lint);
      d.cmdSet = true;
      let args = cmd.cmdLine ?? [];
      if (cmd.prependShell && (d.image.config.Shell ?? []).length === 0) opt.lint.run(JSONArgsRecommended, cmd.location, cmd.name);
      if (cmd.prependShell) args = withShell(d.image, args);
      d.image.config.Cmd = args;
      d.image.config.ArgsEscaped = true;
      commitToHistory(d.image, `CMD ${goQuoteList(args)}`, false, false, opt.epoch);
      return;
    }
    case "entrypoint": {
      validateUsedOnce(cmd, d.trackers.entrypoint, opt.lint);
      let args = cmd.cmdLine ?? void 0;
      if (cmd.prependShell && (d.image.config.Shell ?? []).length === 0) opt.lint.run(JSONArgsRecommended, cmd.location, cmd.name);
      if (cmd.prependShell) args = withShell(d.image, args ?? []);
      if (args === void 0) delete d.image.config.Entrypoint;
      else d.image.config.Entrypoint = args;
      if (!d.cmdSet) delete d.image.config.Cmd;
      commitToHistory(d.image, `ENTRYPOINT ${goQuoteList(args)}`, false, false, opt.epoch);
      return;
    }
    case "healthcheck": {
      validateUsedOnce(cmd, d.trackers.healthcheck, opt.lint);
      const h = cmd.health;
      d.image.config.Healthcheck = {
        Test: h.test,
        Interval: h.interval,
        Timeout: h.timeout,
        StartPeriod: h.startPeriod,
        StartInterval: h.startInterval,
        Retries: h.retries
      };
      const text = `{Test:${goList(h.test)} Interval:${goDuration(h.interval)} Timeout:${goDuration(h.timeout)} StartPeriod:${goDuration(h.startPeriod)} StartInterval:${goDuration(h.startInterval)} Retries:${h.retries}}`;
      commitToHistory(d.image, `HEALTHCHECK ${text}`, false, false, opt.epoch);
      return;
    }
    case "expose": {
      const env = stateEnv(d.state);
      const words = cmd.ports.flatMap((p) => opt.shlex.processWords(p, env));
      const portWarnings = [];
      let ports;
      try {
        ports = parsePorts(words, portWarnings);
      } finally {
        for (const w of portWarnings) opt.lint.run(rules_exports[w.rule], cmd.location, w.port);
      }
      const set = d.image.config.ExposedPorts ??= {};
      for (const p of ports) set[p] = {};
      commitToHistory(d.image, `EXPOSE ${goList(ports)}`, false, false, opt.epoch);
      return;
    }
    case "user":
      dispatchUser(d, cmd.user, true, opt);
      return;
    case "volume": {
      const vols = d.image.config.Volumes ??= {};
      for (const v of cmd.volumes) {
        if (v === "") throw new Error("VOLUME specified can not be an empty string");
        vols[v] = {};
      }
      commitToHistory(d.image, `VOLUME ${goList(cmd.volumes)}`, false, false, opt.epoch);
      return;
    }
    case "stopsignal":
      validateSignal(cmd.signal);
      d.image.config.StopSignal = cmd.signal;
      commitToHistory(d.image, `STOPSIGNAL ${cmd.signal}`, false, false, opt.epoch);
      return;
    case "shell":
      d.image.config.Shell = [...cmd.shell];
      commitToHistory(d.image, `SHELL ${goList(cmd.shell)}`, false, false, opt.epoch);
      return;
    case "arg":
      dispatchArg(d, cmd, opt);
      return;
    case "copy": {
      let source = opt.buildContext;
      if (sc.sources.length > 0) {
        const src = sc.sources[0];
        if (!src.dispatched) {
          throw new Error(`cannot copy from stage "${cmd.from}", it needs to be defined before current stage "${d.stageName}"`);
        }
        source = src.state;
      }
      dispatchCopy(d, {
        params: cmd,
        excludePatterns: cmd.excludePatterns,
        source,
        isAddCommand: false,
        code: cmd.code,
        chown: cmd.chown,
        chmod: cmd.chmod,
        link: cmd.link,
        keepGitDir: void 0,
        checksum: "",
        unpack: void 0,
        parents: cmd.parents,
        location: cmd.location,
        ignoreMatcher: sc.sources.length === 0 ? opt.dockerIgnore : void 0,
        opt
      });
      const paths = sc.sources.length === 0 ? d.ctxPaths : sc.sources[0].paths;
      for (const src of cmd.sourcePaths) paths.add(joinPath("/", src));
      return;
    }
  }
}
function dispatchUser(d, user, commit, opt) {
  d.state = d.state.user(user);
  d.image.config.User = user;
  if (commit) commitToHistory(d.image, `USER ${user}`, false, false, opt.epoch);
}
function dispatchWorkdir(d, path, code, location, commit, opt) {
  if (commit) {
    validateWorkdir(path, (d.platform ?? opt.targetPlatform).os, d.workdirSet, location, opt.lint);
    d.workdirSet = true;
  }
  const wd = normalizePath(d.image.config.WorkingDir ?? "", path, false);
  d.image.config.WorkingDir = wd;
  d.state = d.state.dir(wd);
  if (!commit) return;
  let withLayer = false;
  if (wd !== "/") {
    const platform = d.platform ?? opt.targetPlatform;
    const env = stateEnv(d.state);
    const user = d.image.config.User;
    const action = mkdir(wd, 493, {
      makeParents: true,
      chown: user ? chownFromString(user) : void 0,
      createdTime: opt.epochUnixNano
    });
    d.state = d.state.file(action, {
      customName: prefixCommand(d, uppercaseCmd(processCmdEnv(opt.shlex, code ?? "", env)), d.prefixPlatform, platform, env),
      sourceLocations: locationOf(opt.sourceMap, location),
      platform: d.platform
    });
    withLayer = true;
  }
  commitToHistory(d.image, "WORKDIR " + wd, withLayer, false, opt.epoch);
}
function dispatchArg(d, c, opt) {
  const commitStrs = [];
  for (const a of c.args) {
    validateNoSecretKey("ARG", a.key, c.location, opt.lint);
    const arg = { ...a };
    const hasValue = opt.buildArgValues.has(arg.key);
    let hasDefault = arg.value !== void 0;
    let skipArgInfo = false;
    if (!hasDefault && !hasValue) {
      const v = opt.globalArgs.get(arg.key);
      if (v !== void 0) {
        arg.value = v;
        skipArgInfo = true;
        hasDefault = false;
      }
    }
    if (hasValue) {
      arg.value = opt.buildArgValues.get(arg.key);
    } else if (hasDefault) {
      const env = stateEnv(d.state);
      let res;
      try {
        res = opt.shlex.processWordWithMatches(arg.value, env);
      } catch (err) {
        if (err instanceof ExpansionError) reportUnmatchedVariables(c.location, d.buildArgs, env, err.unmatched, opt.lint);
        throw err;
      }
      reportUnmatchedVariables(c.location, d.buildArgs, env, res.unmatched, opt.lint);
      arg.value = res.result;
    }
    if (arg.value !== void 0 && arg.key !== "BUILDKIT_SBOM_SCAN_CONTEXT" && arg.key !== "BUILDKIT_SBOM_SCAN_STAGE") {
      d.state = d.state.addEnv(arg.key, arg.value);
    }
    if (!skipArgInfo) {
      d.outline.allArgs.set(arg.key, { key: arg.key, docComment: arg.docComment, value: arg.value ?? "", deps: /* @__PURE__ */ new Set(), location: c.location });
    }
    d.outline.usedArgs.add(arg.key);
    d.buildArgs.push(arg);
    commitStrs.push(arg.value === void 0 ? arg.key : `${arg.key}=${arg.value}`);
  }
  commitToHistory(d.image, "ARG " + commitStrs.join(" "), false, false, opt.epoch);
}
function runCommandString(args, buildArgs, env) {
  const tmp = [];
  const idx = /* @__PURE__ */ new Map();
  for (const arg of buildArgs) {
    const v = env.get(arg.key) ?? arg.value ?? "";
    const i = idx.get(arg.key);
    if (i !== void 0) tmp[i] = `${arg.key}=${v}`;
    else {
      idx.set(arg.key, tmp.length);
      tmp.push(`${arg.key}=${v}`);
    }
  }
  const prefix = tmp.length > 0 ? [`|${tmp.length}`, ...tmp] : [];
  return [...prefix, ...args].join(" ");
}
function dispatchRun(d, c, sources, opt) {
  let customName = c.code;
  d.paths.add("/");
  const extraMounts = [];
  let args = c.cmdLine ?? [];
  if (c.files.length > 0) {
    if (args.length !== 1 || !c.prependShell) {
      throw new Error(`parsing produced an invalid run command: ${goList(args)}`);
    }
    const heredoc = parseHeredocWord(args[0]);
    if (heredoc !== void 0) {
      const file = c.files[0];
      const data = file.chomp ? chompHeredocContent(file.data) : file.data;
      if (d.image.os !== "windows" && data.startsWith("#!")) {
        const st = scratch().dir("/").file(mkfile(file.name, 493, data), { customName: "[internal] preparing inline document", platform: d.platform });
        extraMounts.push({ target: "/dev/pipes/", source: st, selector: "/", readonly: true });
        args = [joinPath("/dev/pipes/", file.name)];
      } else {
        args = [data];
      }
      customName += ` (${summarizeHeredoc(file.data)})`;
    } else {
      let b = args[0];
      for (const f of c.files) b += "\n" + f.data + f.name;
      args = [b];
    }
  }
  if (c.prependShell) args = withShell(d.image, args);
  const env = stateEnv(d.state);
  const mounts2 = dispatchRunMounts(d, c, sources, opt);
  if (c.security !== "sandbox" && c.security !== "insecure") throw new Error(`unsupported security mode "${c.security}"`);
  if (c.devices.length > 0 && opt.caps.supports(Caps.execMetaCDI)) {
    throw new Error("device feature is only supported in Dockerfile frontend 1.14.0-labs or later");
  }
  const rawLex = new ShellLex(opt.shlex.escapeToken, { rawQuotes: true, skipUnsetEnv: true });
  const pl = d.state.getPlatform();
  const name = prefixCommand(d, uppercaseCmd(processCmdEnv(rawLex, customName, withSecretEnvMask(c, env))), d.prefixPlatform, pl, env);
  const run = {
    args,
    ...dfCmd(c.code),
    sourceLocations: locationOf(opt.sourceMap, c.location),
    ignoreCache: d.ignoreCache || void 0,
    proxyEnv: opt.proxyEnv,
    mounts: [...extraMounts, ...mounts2.mounts],
    secrets: mounts2.secrets,
    ssh: mounts2.ssh,
    security: c.security === "insecure" ? "insecure" : "sandbox",
    network: c.network === "default" ? void 0 : c.network,
    customName: name,
    extraHosts: opt.extraHosts,
    cgroupParent: opt.caps.supports(CAP_EXEC_CGROUP_PARENT) && opt.cgroupParent ? opt.cgroupParent : void 0,
    ulimits: opt.caps.supports(Caps.execMetaUlimit) ? opt.ulimits : void 0,
    linuxResources: opt.caps.supports(Caps.execMetaLinuxResources) ? opt.linuxResources : void 0
  };
  const shm = opt.shmSize > 0 && opt.caps.supports(Caps.execMountTmpfsSize) ? [{ target: "/dev/shm", source: scratch(), tmpfs: { size: opt.shmSize } }] : [];
  d.state = d.state.run({ ...run, mounts: [...run.mounts ?? [], ...shm] }).root();
  commitToHistory(d.image, "RUN " + runCommandString(args, d.buildArgs, env), true, true, opt.epoch);
}

// src/dockerfile/convert/named-context.ts
var DOCKERIGNORE = ".dockerignore";
var EMPTY_IMAGE_NAME = "scratch";
var IMAGE_CONFIG_KEY = "containerimage.config";
function findNamedContext(opt, name, copt) {
  const lower = name.toLowerCase();
  if (lower === EMPTY_IMAGE_NAME || lower === "context") return void 0;
  const c = { ...copt, platform: copt.platform ?? opt.targetPlatform };
  let named;
  try {
    named = parseNormalizedNamed(name);
  } catch (err) {
    throw new DockerfileError(`invalid context name ${name}: ${err.message}`);
  }
  let familiar = familiarString(named);
  if (familiar.endsWith(":latest")) familiar = familiar.slice(0, -":latest".length);
  const p = c.platform ?? hostPlatform();
  const pname = `${familiar}::${formatPlatformAll(normalizePlatform(p))}`;
  return lookup(opt, familiar, pname, c) ?? lookup(opt, familiar, familiar, c);
}
function lookup(opt, name, key, copt) {
  const contexts = opt.namedContexts;
  if (contexts === void 0 || !Object.hasOwn(contexts, key)) return void 0;
  const shared = opt.localSharedKeys;
  return {
    input: contexts[key],
    name,
    nameWithPlatform: key,
    sharedKey: shared !== void 0 && Object.hasOwn(shared, key) ? shared[key] : "",
    opt: copt
  };
}
async function loadNamedContext(nc, env) {
  const colon = nc.input.indexOf(":");
  if (colon < 0) throw new Error(`invalid context specifier ${nc.input} for ${nc.nameWithPlatform}`);
  let scheme = nc.input.slice(0, colon);
  const rest = nc.input.slice(colon + 1);
  if (scheme.startsWith("git@")) scheme = "git";
  switch (scheme) {
    case "docker-image":
      return loadImage(nc, trimSlashes(rest), env);
    case "git": {
      const st = gitContext(nc.input);
      if (st === void 0) throw new Error(`invalid git context ${nc.input}`);
      return { state: st, image: void 0 };
    }
    case "http":
    case "https": {
      const st = gitContext(nc.input);
      if (st !== void 0) return { state: st, image: void 0 };
      const state = http(nc.input, { filename: "context", customName: `[context ${nc.nameWithPlatform}] ${nc.input}` });
      return { state, image: void 0 };
    }
    case "oci-layout":
      return loadOCILayout(nc, trimSlashes(rest), env);
    case "local":
      return loadLocal(nc, rest, env);
    case "input":
      return loadInput(nc, rest, env);
    default:
      throw new Error(`unsupported context source ${scheme} for ${nc.nameWithPlatform}`);
  }
}
function trimSlashes(s) {
  return s.startsWith("//") ? s.slice(2) : s;
}
function requireResolver(env, ref) {
  if (env.resolver === void 0) throw new Error(`no image resolver to look up ${ref}`);
  return env.resolver;
}
async function loadImage(nc, ref, env) {
  if (ref === EMPTY_IMAGE_NAME) return { state: scratch(), image: void 0 };
  const customName = `[context ${nc.nameWithPlatform}] ${ref}`;
  const named = tagNameOnly(parseNormalizedNamed(ref)).toString();
  const res = await requireResolver(env, named).resolve(named, {
    platform: nc.opt.platform ?? env.buildPlatform,
    resolveMode: nc.opt.resolveMode,
    logName: `[context ${nc.nameWithPlatform}] load metadata for ${ref}`
  });
  const img = parseImage(new TextDecoder().decode(res.config));
  delete img.created;
  const state = image(res.ref, { customName, platform: nc.opt.platform }).withImageConfig(res.config);
  return { state, image: img };
}
function gitContext(input) {
  const g = parseGitRef(input);
  if (g === void 0) return void 0;
  return git(g.remote, "", {
    ref: g.ref || void 0,
    customName: "[internal] load git source " + input,
    keepGitDir: g.keepGitDir === true ? true : void 0,
    subdir: g.subDir || void 0,
    checksum: g.checksum || void 0,
    skipSubmodules: g.submodules === false ? true : void 0,
    mtime: g.mtime || void 0,
    fetchByCommit: g.fetchByCommit || void 0
  });
}
async function loadOCILayout(nc, refSpec, env) {
  let named;
  try {
    named = parse(refSpec);
  } catch (err) {
    throw new Error(`could not parse oci-layout reference ${goQuote(refSpec)}: ${err.message}`);
  }
  if (named.digest === void 0) throw new Error(`oci-layout reference ${goQuote(named.toString())} has no digest`);
  let dummy;
  try {
    dummy = parseNormalizedNamed(nc.name);
  } catch (err) {
    throw new Error(`could not parse oci-layout reference ${goQuote(nc.name)}: ${err.message}`);
  }
  dummy = withDigest(dummy, named.digest);
  const dummyRef = dummy.toString();
  const store = { sessionId: env.sessionId ?? "", storeId: named.name };
  const res = await requireResolver(env, dummyRef).resolve(dummyRef, {
    platform: nc.opt.platform ?? env.buildPlatform,
    ociLayout: store,
    logName: `[context ${nc.nameWithPlatform}] load metadata for ${dummyRef}`
  });
  let img;
  try {
    img = parseImage(new TextDecoder().decode(res.config));
  } catch (err) {
    throw new Error(`could not parse oci-layout image config: ${err.message}`);
  }
  const state = ociLayout(dummyRef, {
    customName: `[context ${nc.nameWithPlatform}] OCI load from client`,
    store,
    platform: nc.opt.platform
  }).withImageConfig(res.config);
  return { state, image: img };
}
async function loadLocal(nc, name, env) {
  const ids = env.localSessionIds;
  const sessionId = ids !== void 0 && Object.hasOwn(ids, name) ? ids[name] : env.sessionId ?? "";
  let excludes = [];
  const read = env.hooks?.readLocalFile;
  if (read !== void 0) {
    const st = local(name, {
      sessionId,
      followPaths: [DOCKERIGNORE],
      sharedKeyHint: `context:${nc.nameWithPlatform}-${DOCKERIGNORE}`,
      customName: `[context ${nc.nameWithPlatform}] load ${DOCKERIGNORE}`,
      differ: { type: "none", required: false }
    });
    const dt = await read(st, DOCKERIGNORE).catch(() => void 0);
    if (dt !== void 0 && dt.length > 0) excludes = readIgnoreFile(new TextDecoder().decode(dt));
  }
  const paths = nc.opt.asyncLocalPaths;
  const lazy = new LazySource(
    () => local(name, {
      customName: `[context ${nc.nameWithPlatform}] load from client`,
      sessionId,
      sharedKeyHint: `context:${nc.nameWithPlatform}-${nc.sharedKey}`,
      excludePatterns: excludes,
      followPaths: normalizeContextPaths(paths())
    })
  );
  return { state: lazy.state(), image: void 0 };
}
async function loadInput(nc, name, env) {
  const inputs = await env.hooks?.inputs?.() ?? {};
  if (!Object.hasOwn(inputs, name)) throw new DockerfileError(`invalid input ${name} for ${nc.nameWithPlatform}`);
  let state = inputs[name];
  const md = env.inputMetadata;
  if (md === void 0 || !Object.hasOwn(md, name)) return { state, image: void 0 };
  let meta;
  try {
    meta = JSON.parse(md[name]);
  } catch (err) {
    throw new Error(`failed to parse input metadata ${md[name]}: ${err.message}`);
  }
  const config = meta[IMAGE_CONFIG_KEY];
  if (typeof config !== "string") return { state, image: void 0 };
  const dt = Buffer.from(config, "base64");
  state = state.withImageConfig(dt);
  let img;
  try {
    img = parseImage(dt.toString("utf8"));
  } catch (err) {
    throw new Error(`failed to parse image config for ${nc.nameWithPlatform}: ${err.message}`);
  }
  return { state, image: img };
}
var LazySource = class {
  constructor(make) {
    this.make = make;
    this.proxy = {
      inputs: () => this.output().vertex.inputs(),
      marshalUncached: (ctx) => marshalVertex(this.output().vertex, ctx)
    };
  }
  make;
  built;
  proxy;
  output() {
    if (this.built === void 0) {
      const out = this.make().output();
      if (out === void 0) throw new Error("internal error: a local context has no output");
      this.built = out;
    }
    return this.built;
  }
  state() {
    return State.fromOutput(new Output(this.proxy, () => 0));
  }
};

// src/dockerfile/convert/epoch.ts
var EMPTY_IMAGE_NAME2 = "scratch";
async function resolveSourceDateEpoch(v, opt, stages, globalArgs, buildArgs, shlex, mainContext, loadEnv) {
  const src = await epochSource(v, opt, stages, globalArgs, buildArgs, shlex, mainContext, loadEnv);
  const op = singleSourceOp(src.state, opt);
  if (op === void 0) return void 0;
  const resolve = opt.resolveSourceTime;
  if (resolve === void 0) {
    throw new Error(`SOURCE_DATE_EPOCH=${v}: reading the time of ${op.identifier} needs the BuildKit gateway's source metadata`);
  }
  return resolve(op, src.logName);
}
async function epochSource(v, opt, stages, globalArgs, buildArgs, shlex, mainContext, loadEnv) {
  if (v === "context") return { state: mainContext(), logName: "[internal] resolve main build context metadata" };
  const nc = findNamedContext(opt, v, { platform: void 0, resolveMode: opt.imageResolveMode ?? "default", asyncLocalPaths: () => [] });
  if (nc !== void 0) {
    const loaded = await loadNamedContext(nc, loadEnv);
    return { state: loaded.state, logName: "[internal] resolve SOURCE_DATE_EPOCH named context " + v };
  }
  const lower = v.toLowerCase();
  const stage = stages.find((s) => s.name.toLowerCase() === lower);
  if (stage === void 0) throw new DockerfileError(`invalid SOURCE_DATE_EPOCH: ${v}`);
  let state;
  try {
    state = stageSource(stage, buildArgs, globalArgs.delete("SOURCE_DATE_EPOCH"), shlex);
  } catch (err) {
    throw withLocation(err, stage.location);
  }
  return { state, logName: "[internal] resolve SOURCE_DATE_EPOCH source stage " + stage.name };
}
function stageSource(stage, buildArgs, globalArgs, shlex) {
  let base;
  try {
    base = shlex.processWord(stage.baseName, globalArgs);
  } catch (err) {
    throw new Error(`failed to process source stage base name "${stage.baseName}": ${err.message}`);
  }
  if (base !== EMPTY_IMAGE_NAME2) throw new Error("SOURCE_DATE_EPOCH stage must use FROM scratch");
  let env = globalArgs;
  let source;
  for (const cmd of stage.commands) {
    if (cmd.kind === "arg") {
      for (const a of cmd.args) {
        const given = buildArgs.get(a.key);
        if (given !== void 0) env = env.addOrReplace(a.key, given);
        else if (a.value !== void 0) env = env.addOrReplace(a.key, shlex.processWord(a.value, env));
      }
    } else if (cmd.kind === "add") {
      if (source !== void 0) throw new Error("SOURCE_DATE_EPOCH stage must contain exactly one remote ADD");
      if (cmd.sourceContents.length !== 0 || cmd.sourcePaths.length !== 1) {
        throw new Error("SOURCE_DATE_EPOCH stage must contain exactly one remote ADD source");
      }
      source = addSource(cmd.sourcePaths[0], cmd.checksum, cmd.keepGitDir, env, shlex);
    } else {
      throw new Error(`SOURCE_DATE_EPOCH stage does not meet source-only requirements: unsupported ${cmd.name} instruction`);
    }
  }
  if (source === void 0) throw new Error("SOURCE_DATE_EPOCH stage must contain exactly one remote ADD");
  return source;
}
function addSource(path, checksumWord, keepGitDir, env, shlex) {
  const src = shlex.processWord(path, env);
  if (isHTTPSource(src)) {
    let checksum = "";
    if (checksumWord !== "") {
      checksum = shlex.processWord(checksumWord, env);
      validateDigest3(checksum);
    }
    return http(src, { filename: httpFilename(src), checksum: checksum || void 0 });
  }
  const ref = parseGitRef(src);
  if (ref !== void 0 && !ref.indistinguishableFromLocal) {
    let checksum = ref.checksum;
    if (checksumWord !== "") checksum = shlex.processWord(checksumWord, env);
    return git(ref.remote, "", {
      ref: ref.ref || void 0,
      keepGitDir: keepGitDir === true || ref.keepGitDir === true ? true : void 0,
      checksum: checksum || void 0,
      subdir: ref.subDir || void 0,
      skipSubmodules: ref.submodules === false ? true : void 0
    });
  }
  throw new Error("SOURCE_DATE_EPOCH stage source must be a single HTTP(S) or Git ADD");
}
function validateDigest3(d) {
  const i = d.indexOf(":");
  if (i <= 0 || i + 1 >= d.length) throw new Error("invalid checksum digest format");
  if (!/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(d)) throw new Error("invalid checksum digest format");
  const lens = { sha256: 64, sha384: 96, sha512: 128 };
  const alg = d.slice(0, i);
  if (!Object.hasOwn(lens, alg)) throw new Error("unsupported digest algorithm");
  const hex = d.slice(i + 1);
  if (hex.length !== lens[alg] || !/^[a-f0-9]+$/.test(hex)) throw new Error("invalid checksum digest length");
}
function httpFilename(src) {
  let u;
  try {
    u = new URL(src);
  } catch {
    return "__unnamed__";
  }
  const p = decodeURIComponent(u.pathname).replace(/\/+$/, "");
  const base = p.slice(p.lastIndexOf("/") + 1);
  return base === "" || base === "." ? "__unnamed__" : base;
}
function singleSourceOp(st, opt) {
  const def = st.marshal({ caps: opt.llbCaps });
  let found;
  for (const { op } of definitionOps(def)) {
    const s = op.op?.case === "source" ? op.op.value : void 0;
    if (s === void 0) continue;
    if (found !== void 0) return void 0;
    found = { identifier: s.identifier ?? "", attrs: { ...s.attrs ?? {} } };
  }
  return found;
}
function formatSourceTime(t) {
  const local2 = new Date(Number(t.seconds + BigInt(t.offsetSeconds)) * 1e3).toISOString().replace(".000Z", "");
  let frac = "";
  if (t.nanos !== 0) frac = "." + String(t.nanos).padStart(9, "0").replace(/0+$/, "");
  let zone = "Z";
  if (t.offsetSeconds !== 0) {
    const abs = Math.abs(t.offsetSeconds);
    const hh = String(Math.floor(abs / 3600)).padStart(2, "0");
    const mm = String(Math.floor(abs % 3600 / 60)).padStart(2, "0");
    zone = (t.offsetSeconds < 0 ? "-" : "+") + hh + ":" + mm;
  }
  return local2 + frac + zone;
}

// src/dockerfile/convert/outline-capture.ts
var OutlineCapture = class _OutlineCapture {
  constructor(allArgs = /* @__PURE__ */ new Map(), usedArgs = /* @__PURE__ */ new Set(), secrets = /* @__PURE__ */ new Map(), ssh = /* @__PURE__ */ new Map()) {
    this.allArgs = allArgs;
    this.usedArgs = usedArgs;
    this.secrets = secrets;
    this.ssh = ssh;
  }
  allArgs;
  usedArgs;
  secrets;
  ssh;
  clone() {
    return new _OutlineCapture(new Map(this.allArgs), new Set(this.usedArgs), new Map(this.secrets), new Map(this.ssh));
  }
  /** Marks as used the args the used ones were computed from. */
  markAllUsed(keys, visited) {
    for (const k of [...keys]) {
      if (visited.has(k)) continue;
      visited.add(k);
      const a = this.allArgs.get(k);
      if (a !== void 0) this.markAllUsed(a.deps, visited);
      this.usedArgs.add(k);
    }
  }
  /** The first mount of a secret or ssh id is the one the outline shows. */
  addMount(kind, id, required, location) {
    if (!this[kind].has(id)) this[kind].set(id, { required, location });
  }
};

// src/dockerfile/convert/stage-state.ts
function stageInfo(st) {
  return {
    name: st.name,
    docComment: st.docComment,
    baseName: st.baseName,
    platform: st.platform,
    sourceCode: st.sourceCode,
    location: st.location,
    commands: st.commands
  };
}
var DispatchState = class _DispatchState {
  state;
  image;
  platform;
  stage;
  base;
  baseImg;
  dispatched = false;
  resolved = false;
  onBuildInit = false;
  /** Stages this one reads from, with the (last) command that does. */
  deps = /* @__PURE__ */ new Map();
  buildArgs = [];
  commands = [];
  /** Build-context paths this stage uses. */
  ctxPaths = /* @__PURE__ */ new Set();
  /** Paths of this stage others use (shared with the stages built on it). */
  paths = /* @__PURE__ */ new Set();
  ignoreCache = false;
  /** BUILDKIT_SBOM_SCAN_CONTEXT / BUILDKIT_SBOM_SCAN_STAGE cover this stage (set once it is dispatched). */
  scanContext = false;
  scanStage = false;
  /** Created for COPY --from / RUN --mount rather than by FROM. */
  unregistered;
  /** A named context that replaces this whole stage (its commands are not dispatched). */
  namedContext;
  stageName;
  cmdIndex = 0;
  cmdIsOnBuild = false;
  cmdTotal = 0;
  prefixPlatform = false;
  workdirSet = false;
  cmdSet = false;
  /** What the outline reads (args, secrets, ssh); the base's copy until the stage adds its own. */
  outline = new OutlineCapture();
  /** MultipleInstructionsDisallowed: CMD, ENTRYPOINT and HEALTHCHECK seen in this stage (not inherited). */
  trackers = {
    cmd: { isSet: false },
    entrypoint: { isSet: false },
    healthcheck: { isSet: false }
  };
  constructor(stage, unregistered = false) {
    this.stage = stage;
    this.unregistered = unregistered;
    this.stageName = unregistered ? "" : stage.name;
  }
  /** The state of an image a command reads from without a FROM (COPY --from=image, RUN --mount from=image). */
  static unregistered(baseName, location) {
    return new _DispatchState({ name: "", docComment: "", baseName, platform: "", sourceCode: "", location, commands: [] }, true);
  }
  /** Takes over the base stage's state, config and args (upstream's init). */
  init() {
    const b = this.base;
    if (b === void 0) return;
    this.state = b.state;
    this.platform = b.platform;
    this.image = cloneImage(b.image);
    delete this.image.config.OnBuild;
    this.baseImg = b.baseImg === void 0 ? void 0 : cloneImage(b.baseImg);
    this.paths = b.paths;
    this.workdirSet = b.workdirSet;
    this.buildArgs = [...this.buildArgs, ...b.buildArgs];
  }
};
var DispatchStates = class {
  states = [];
  byName = /* @__PURE__ */ new Map();
  names() {
    return this.states.filter((s) => s.stageName !== "").map((s) => s.stageName);
  }
  add(ds) {
    this.states.push(ds);
    const base = this.byName.get(ds.stage.baseName);
    if (base !== void 0) {
      ds.base = base;
      ds.outline = base.outline.clone();
    }
    if (ds.stage.name !== "") this.byName.set(ds.stage.name.toLowerCase(), ds);
  }
  findByName(name) {
    return this.byName.get(name.toLowerCase());
  }
  findByIndex(index) {
    if (index < 0 || index >= this.states.length) throw new DockerfileError(`invalid stage index ${index}`);
    return this.states[index];
  }
  last() {
    return this.states[this.states.length - 1];
  }
};
function allReachableStages(s) {
  const out = /* @__PURE__ */ new Set();
  const visit = (d) => {
    if (out.has(d)) return;
    out.add(d);
    if (d.base) visit(d.base);
    for (const dep of d.deps.keys()) visit(dep);
  };
  visit(s);
  return out;
}

// src/dockerfile/lint/config.ts
var BUILD_ARG_CHECK = "BUILDKIT_DOCKERFILE_CHECK";
function emptyCheckConfig() {
  return { skipAll: false, skipRules: [], experimentalAll: false, experimentalRules: [], returnAsError: false };
}
function ruleList(v) {
  return v.split(",").map((r) => r.trim());
}
function parseCheckOptions(input) {
  const out = emptyCheckConfig();
  const text = input.trim();
  if (text === "") return out;
  const pieces = text.split(";");
  const parts = pieces.length > 3 ? [pieces[0], pieces[1], pieces.slice(2).join(";")] : pieces;
  for (const part of parts) {
    const eq = part.indexOf("=");
    if (eq < 0) throw new DockerfileError(`invalid check option ${goQuote(part)}`);
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "skip") {
      if (value === "all") out.skipAll = true;
      else out.skipRules = ruleList(value);
    } else if (key === "experimental") {
      if (value === "all") out.experimentalAll = true;
      else out.experimentalRules = ruleList(value);
    } else if (key === "error") {
      const b = parseGoBool(value);
      if (b !== void 0) out.returnAsError = b;
      else {
        throw new DockerfileError(
          `failed to parse check option ${goQuote(part)}: strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`
        );
      }
    } else {
      throw new DockerfileError(`invalid check option ${goQuote(key)}`);
    }
  }
  return out;
}
function resolveCheckConfig(dockerfile, buildArgs) {
  const fromArg = buildArgs?.[BUILD_ARG_CHECK];
  if (fromArg !== void 0) {
    try {
      return parseCheckOptions(fromArg);
    } catch (err) {
      throw new DockerfileError(`failed to parse build-arg:${BUILD_ARG_CHECK}: ${err.message}`);
    }
  }
  const directive = findDirective("check", dockerfile);
  try {
    return parseCheckOptions(directive?.value ?? "");
  } catch (err) {
    throw new DockerfileError(`failed to parse check options: ${err.message}`);
  }
}

// src/dockerfile/lint/hooks.ts
function instructionLinter(lint2) {
  return (event, node) => {
    const l = lint2.withCommentConfig(node.prevComment);
    switch (event.rule) {
      case "MaintainerDeprecated":
        l.run(MaintainerDeprecated, { start: node.startLine, end: node.endLine });
        return;
      case "StageNameCasing":
        l.run(StageNameCasing, { start: node.startLine, end: node.endLine }, event.stageName);
        return;
      case "FromAsCasing":
        l.run(FromAsCasing, { start: node.startLine, end: node.endLine }, event.fromKeyword, event.asKeyword);
        return;
      case "InvalidDefinitionDescription":
        l.run(InvalidDefinitionDescription, { start: node.startLine, end: node.endLine }, event.instruction, event.exampleKey);
        return;
    }
  };
}
function reportParseWarnings(warnings, lint2) {
  for (const w of warnings) {
    if (w.url !== NoEmptyContinuation.url) continue;
    lint2.run(NoEmptyContinuation, w.location === void 0 ? [] : [w.location]);
  }
}

// src/dockerfile/lint/linter.ts
function perLine(r) {
  const out = [];
  for (let line = r.start; line <= r.end; line++) out.push({ start: line, end: line });
  return out;
}
var Linter = class _Linter {
  constructor(s) {
    this.s = s;
  }
  s;
  /** A linter for one build; without `warn` nothing is reported or counted (upstream: nil Warn). */
  static create(config = emptyCheckConfig(), warn) {
    return new _Linter({
      skipAll: config.skipAll,
      skipped: new Set(config.skipRules),
      experimentalAll: config.experimentalAll,
      experimental: new Set(config.experimentalRules),
      returnAsError: config.returnAsError,
      warn,
      called: []
    });
  }
  /** Whether `rule` would be reported by this linter. */
  enabled(rule2) {
    if (this.s.warn === void 0) return false;
    if (rule2.experimental) return this.s.experimentalAll || this.s.experimental.has(rule2.name);
    return !(this.s.skipAll || this.s.skipped.has(rule2.name));
  }
  /**
   * Reports `rule` with the message its format builds from `args`. A single
   * LineRange is an instruction's lines and becomes one range per line (as
   * upstream's node locations are); an array is taken as is.
   */
  run(rule2, location, ...args) {
    const warn = this.s.warn;
    if (warn === void 0 || !this.enabled(rule2)) return;
    this.s.called.push(rule2.name);
    const ranges = location === void 0 ? [] : Array.isArray(location) ? location : perLine(location);
    warn(rule2.name, rule2.description, rule2.url, rule2.format(...args), ranges);
  }
  /** This linter with another configuration's skip/experimental lists added (error= is not merged). */
  withMergedConfig(other) {
    const s = this.s;
    return new _Linter({
      ...s,
      skipAll: s.skipAll || other.skipAll,
      skipped: other.skipRules.length > 0 ? /* @__PURE__ */ new Set([...s.skipped, ...other.skipRules]) : s.skipped,
      experimentalAll: s.experimentalAll || other.experimentalAll,
      experimental: other.experimentalRules.length > 0 ? /* @__PURE__ */ new Set([...s.experimental, ...other.experimentalRules]) : s.experimental
    });
  }
  /**
   * Applies the first `check=` comment of an instruction's comment block.
   * An unparsable one is ignored, as upstream does.
   */
  withCommentConfig(comments) {
    if (comments === void 0) return this;
    for (const comment of comments) {
      let d;
      try {
        d = new DirectiveScanner("").scan(toByteString(comment));
      } catch {
        d = null;
      }
      if (d === null || d.name !== "check") continue;
      const value = fromByteString(d.value);
      const sp = value.indexOf(" ");
      let config;
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
  calledRules() {
    return [...new Set(this.s.called)];
  }
  /**
   * The error `error=true` turns findings into, or undefined. Upstream lists
   * the rules in Go map order (random); this lists them in first-fired order.
   */
  error() {
    if (!this.s.returnAsError || this.s.warn === void 0) return void 0;
    const rules = this.calledRules();
    if (rules.length === 0) return void 0;
    return new DockerfileError(`lint violation found for rules: ${rules.join(", ")}`);
  }
};

// src/dockerfile/convert/convert.ts
var EMPTY_IMAGE_NAME3 = "scratch";
var SBOM_SCAN_CONTEXT = "BUILDKIT_SBOM_SCAN_CONTEXT";
var SBOM_SCAN_STAGE = "BUILDKIT_SBOM_SCAN_STAGE";
var COMMON_IMAGE_NAMES = ["alpine", "busybox", "centos", "debian", "golang", "ubuntu", "fedora"].flatMap((n) => [
  n,
  "docker.io/library" + n,
  n + ":latest",
  "docker.io/library" + n + ":latest"
]);
async function convertDockerfile(text, opt = {}) {
  const data = typeof text === "string" ? new TextEncoder().encode(text) : text;
  if (data.length === 0) throw new DockerfileError("the Dockerfile cannot be empty");
  const lint2 = Linter.create(opt.checkConfig ?? resolveCheckConfig(data, opt.buildArgs), opt.lintWarn);
  const ast = parse2(data);
  reportParseWarnings(ast.warnings, lint2);
  const { stages, metaArgs } = parseStages(ast, { lint: instructionLinter(lint2) });
  if (stages.length === 0) throw new DockerfileError("dockerfile contains no stages to build");
  validateStageNames(stages, lint2);
  validateCommandCasing(stages, lint2);
  const po = buildPlatformOpt(opt.targetPlatform, opt.buildPlatforms);
  const buildArgs = new Map(Object.entries(opt.buildArgs ?? {}));
  const targetName = opt.target || stages[stages.length - 1].name;
  const shlex = new ShellLex(ast.escapeToken === "`" ? "`" : "\\");
  let globalArgs = defaultArgs(po, buildArgs, targetName);
  let defaultsOnly;
  try {
    defaultsOnly = buildMetaArgs(globalArgs, metaArgs, /* @__PURE__ */ new Map(), (w, env) => shlex.processWordWithMatches(w, env)).args;
  } catch {
    defaultsOnly = void 0;
  }
  validateBaseImagesWithDefaultArgs(stages, (w, env) => shlex.processWordWithMatches(w, env), defaultsOnly, lint2);
  const meta = buildMetaArgs(globalArgs, metaArgs, buildArgs, (w, env) => shlex.processWordWithMatches(w, env));
  globalArgs = meta.args;
  let epoch;
  let epochSeconds;
  let epochNanos = 0n;
  const sde = buildArgs.get("SOURCE_DATE_EPOCH") ?? (globalArgs.get("SOURCE_DATE_EPOCH") || void 0);
  if (sde !== void 0) {
    let t;
    if (sde !== "") {
      let seconds;
      try {
        seconds = goParseInt64(sde);
      } catch {
        seconds = void 0;
      }
      if (seconds === void 0) opt = await settleExcludePatterns(opt);
      t = seconds !== void 0 ? { seconds, nanos: 0, offsetSeconds: 0 } : await resolveSourceDateEpoch(sde, opt, stages, globalArgs, buildArgs, shlex, () => mainContextState(opt, void 0), namedContextEnv(opt, po));
    }
    if (t !== void 0) {
      epochSeconds = t.seconds;
      epochNanos = BigInt(t.nanos);
      epoch = formatSourceTime(t);
    }
    const v = epochSeconds === void 0 ? "" : epochSeconds.toString();
    if (buildArgs.has("SOURCE_DATE_EPOCH")) {
      if (v === "") buildArgs.delete("SOURCE_DATE_EPOCH");
      else buildArgs.set("SOURCE_DATE_EPOCH", v);
    }
    if (globalArgs.has("SOURCE_DATE_EPOCH")) {
      globalArgs = v === "" ? globalArgs.delete("SOURCE_DATE_EPOCH") : globalArgs.addOrReplace("SOURCE_DATE_EPOCH", v);
    }
  }
  const filename = opt.filename ?? "Dockerfile";
  const sourceMap = new SourceMap(filename, "Dockerfile", data, opt.dockerfileSource ?? dockerfileSource(filename, opt));
  const bc = {
    opt,
    po,
    globalArgs,
    buildArgs,
    epoch,
    epochSeconds,
    epochNanos,
    shlex,
    all: new DispatchStates(),
    proxyEnv: proxyEnvFromBuildArgs(buildArgs),
    caps: opt.llbCaps ?? allCaps(),
    sourceMap,
    lint: lint2,
    outline: new OutlineCapture(meta.allArgs)
  };
  registerStages(bc, stages);
  const target = resolveTarget(bc);
  buildDependencyGraph(bc);
  const reachable = await resolveStages(bc, target);
  bc.opt = await settleExcludePatterns(bc.opt);
  const { ctxPaths, buildContext } = dispatchStages(bc, reachable, target);
  return finalize(bc, target, ctxPaths, buildContext);
}
async function settleExcludePatterns(opt) {
  if (opt.pendingExcludePatterns === void 0) return opt;
  const { pendingExcludePatterns, ...rest } = opt;
  return { ...rest, excludePatterns: await pendingExcludePatterns };
}
function allCaps() {
  return { supports: () => true };
}
function dockerfileSource(filename, opt) {
  const names2 = [filename, filename + ".dockerignore"];
  const slash = filename.lastIndexOf("/");
  const base = slash < 0 ? filename : filename.slice(slash + 1);
  if (base === "Dockerfile") names2.push((slash < 0 ? "" : filename.slice(0, slash + 1)) + "dockerfile");
  return local("dockerfile", {
    followPaths: names2,
    sessionId: opt.sessionId,
    sharedKeyHint: "dockerfile",
    customName: "[internal] load build definition from " + filename,
    differ: { type: "none", required: false }
  });
}
function registerStages(bc, stages) {
  stages.forEach((st, i) => {
    const info = stageInfo(st);
    const lint2 = bc.lint.withCommentConfig(st.comments);
    const declared = declaredFromArgs(bc.globalArgs, bc.outline.allArgs.keys());
    let nameMatch;
    try {
      nameMatch = bc.shlex.processWordWithMatches(st.baseName, bc.globalArgs);
      reportUnusedFromArgs(declared, nameMatch.unmatched, st.location, lint2);
    } catch (err) {
      if (err instanceof ExpansionError) reportUnusedFromArgs(declared, err.unmatched, st.location, lint2);
      throw withLocation(err, st.location);
    }
    if (nameMatch.result === "") throw withLocation(new Error(`base name (${st.baseName}) should not be blank`), st.location);
    info.baseName = nameMatch.result;
    const ds = new DispatchState(info);
    ds.outline = bc.outline.clone();
    const used = new Set(nameMatch.matched);
    ds.prefixPlatform = bc.opt.multiPlatformRequested ?? false;
    if (st.platform !== "") {
      let res;
      try {
        res = bc.shlex.processWordWithMatches(st.platform, bc.globalArgs);
      } catch (err) {
        if (err instanceof ExpansionError) reportUnusedFromArgs(declared, err.unmatched, st.location, lint2);
        throw withLocation(wrapError(err, "failed to process arguments for platform "), st.location);
      }
      reportUnusedFromArgs(declared, res.unmatched, st.location, lint2);
      reportRedundantTargetPlatform(st.platform, res, st.location, bc.globalArgs, lint2);
      reportConstPlatformDisallowed(st.name, res, st.location, lint2);
      if (res.result === "") {
        const msg = suggestAny(`empty platform value from expression ${st.platform}`, res.unmatched, bc.globalArgs.keys());
        throw withLocation(new Error(msg), st.location);
      }
      try {
        ds.platform = parsePlatform(res.result);
      } catch (err) {
        const msg = suggestAny(err.message, res.unmatched, bc.globalArgs.keys());
        throw withLocation(withLocation(new Error(`failed to parse platform ${st.platform}: ${msg}`), st.location), st.location);
      }
      for (const k of res.matched) used.add(k);
    }
    if (st.name !== "") {
      const nc = findNamedContext(bc.opt, st.name, contextOpt(bc, ds, ds.platform));
      if (nc !== void 0) {
        ds.namedContext = nc;
        bc.all.add(ds);
        ds.base = void 0;
        return;
      }
    }
    if (st.name === "") ds.stageName = `stage-${i}`;
    bc.all.add(ds);
    for (const k of used) ds.outline.usedArgs.add(k);
    let total = 0;
    if (info.baseName !== EMPTY_IMAGE_NAME3 && ds.base === void 0) total = 1;
    for (const c of st.commands) {
      if (c.kind === "add" || c.kind === "copy" || c.kind === "run" || c.kind === "workdir") total++;
    }
    ds.cmdTotal = total;
    ds.ignoreCache = isNoCache(bc.opt.noCache, st.name);
  });
}
function contextOpt(bc, d, platform) {
  return { platform, resolveMode: bc.opt.imageResolveMode ?? "default", asyncLocalPaths: () => d.paths };
}
function loadContext(bc, nc) {
  return loadNamedContext(nc, namedContextEnv(bc.opt, bc.po));
}
function namedContextEnv(opt, po) {
  return {
    resolver: opt.imageResolver,
    sessionId: opt.sessionId,
    localSessionIds: opt.localSessionIds,
    inputMetadata: opt.inputMetadata,
    hooks: opt.contextHooks,
    buildPlatform: po.buildPlatforms[0]
  };
}
function mainContextState(opt, followPaths) {
  return opt.mainContext ?? local("context", {
    sessionId: opt.sessionId,
    excludePatterns: opt.excludePatterns,
    sharedKeyHint: "context",
    customName: "[internal] load build context",
    followPaths
  });
}
function zeroImage() {
  return { architecture: "", os: "", rootfs: { type: "", diff_ids: null }, config: {} };
}
function isNoCache(noCache, name) {
  if (noCache === void 0) return false;
  if (noCache.length === 0) return true;
  return noCache.some((n) => n.toLowerCase() === name.toLowerCase());
}
function suggestAny(message, unmatched, options) {
  for (const k of unmatched) {
    const m = withSuggestion(message, k, options, true);
    if (m !== message) return m;
  }
  return message;
}
function resolveTarget(bc) {
  const t = bc.opt.target;
  if (!t) return bc.all.last();
  const ds = bc.all.findByName(t);
  if (ds === void 0) {
    throw new DockerfileError(withSuggestion(`target stage "${t}" could not be found`, t, bc.all.names(), true));
  }
  return ds;
}
function toCommand(bc, command, location) {
  const cmd = { command, sources: [], isOnBuild: false };
  if (command.kind === "copy" && command.from !== "") {
    const from = command.from;
    const expanded = bc.shlex.processWordWithMatches(from, emptyEnv).result;
    if (expanded !== from) {
      throw new DockerfileError(
        "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround"
      );
    }
    let src;
    if (/^[+-]?\d+$/.test(from) && Math.abs(Number(from)) < 2 ** 63) {
      src = bc.all.findByIndex(Number(from));
    } else {
      src = bc.all.findByName(from);
      if (src === void 0) {
        src = DispatchState.unregistered(from, location);
      }
    }
    cmd.sources = [src];
  }
  if (command.kind === "run") {
    cmd.sources = command.mounts.map((m) => {
      const from = m.from === "" ? EMPTY_IMAGE_NAME3 : m.from;
      return bc.all.findByName(from) ?? DispatchState.unregistered(from, void 0);
    });
  }
  return cmd;
}
function linkSources(bc, d, cmd) {
  for (const src of cmd.sources) {
    d.deps.set(src, cmd.command);
    if (src.unregistered) bc.all.add(src);
  }
}
function buildDependencyGraph(bc) {
  const registered = [...bc.all.states];
  for (const d of registered) {
    d.commands = d.stage.commands.map((c) => {
      const cmd = toCommand(bc, c, c.location);
      linkSources(bc, d, cmd);
      return cmd;
    });
  }
  validateCircularDependency(bc.all.states);
  if (bc.all.states.length === 1) bc.all.states[0].stageName = "";
}
function validateCircularDependency(states) {
  const visited = /* @__PURE__ */ new Set();
  const path = /* @__PURE__ */ new Set();
  const visit = (state, current) => {
    if (visited.has(state)) return void 0;
    visited.add(state);
    path.add(state);
    for (const [dep, c] of state.deps) {
      const next = [...current, c];
      if (path.has(dep)) return next;
      const found = visit(dep, next);
      if (found) return found;
    }
    path.delete(state);
    return void 0;
  };
  for (const state of states) {
    const cmds = visit(state, []);
    if (cmds) {
      let err = new DockerfileError(`circular dependency detected on stage: ${state.stageName}`);
      for (const c of cmds) err = withLocation(err, c.location);
      throw err;
    }
  }
}
async function resolveStages(bc, target) {
  for (; ; ) {
    const reachable = await resolveReachableStages(bc, target);
    let newDeps = false;
    for (const d of bc.all.states.filter((s) => reachable.has(s))) {
      d.init();
      const triggers = [...d.image.config.OnBuild ?? []];
      if (d.base !== void 0 && !d.onBuildInit) {
        for (const c of d.base.commands) if (c.command.kind === "onbuild") triggers.push(c.command.expression);
        d.onBuildInit = true;
      }
      if (triggers.length > 0) {
        try {
          if (initOnBuildTriggers(bc, d, triggers)) newDeps = true;
        } catch (err) {
          const e = err instanceof DockerfileError ? err : new DockerfileError(err instanceof Error ? err.message : String(err));
          throw d.stage.location ? new DockerfileError(e.message, [d.stage.location]) : e;
        }
        delete d.image.config.OnBuild;
      }
    }
    if (!newDeps) return reachable;
  }
}
function initOnBuildTriggers(bc, d, triggers) {
  let hasNewDeps = false;
  const cmds = [];
  for (const trigger of triggers) {
    const ast = parse2(trigger);
    if (ast.children.length !== 1) throw new Error("onbuild trigger should be a single expression");
    const node = ast.children[0];
    if (d.stage.location) {
      node.startLine = d.stage.location.start;
      node.endLine = d.stage.location.end;
    }
    const ic = parseCommand(node, { escapeToken: ast.escapeToken });
    const cmd = toCommand(bc, ic, ic.location);
    cmd.isOnBuild = true;
    if (cmd.sources.length > 0) hasNewDeps = true;
    cmds.push(cmd);
    linkSources(bc, d, cmd);
  }
  d.commands = [...cmds, ...d.commands];
  d.cmdTotal += cmds.length;
  return hasNewDeps;
}
async function resolveReachableStages(bc, target) {
  const reachableSet = allReachableStages(target);
  let firstError;
  for (const d of [...bc.all.states]) {
    const reachable = reachableSet.has(d) || bc.opt.allStages === true;
    if (d.base !== void 0 || d.dispatched || d.resolved) continue;
    d.resolved = reachable;
    if (d.stage.baseName === EMPTY_IMAGE_NAME3 && d.namedContext === void 0) {
      d.state = scratch();
      d.image = emptyImage(bc.po.targetPlatform);
      d.platform = bc.po.targetPlatform;
      if (d.unregistered) d.dispatched = true;
      continue;
    }
    try {
      await resolveBaseImage(bc, d, reachable);
    } catch (err) {
      firstError ??= d.stage.location ? withLocation(err, d.stage.location) : err;
    } finally {
      if (d.unregistered) d.dispatched = true;
    }
  }
  if (firstError !== void 0) throw firstError;
  return reachableSet;
}
async function resolveBaseImage(bc, d, reachable) {
  const origName = d.stage.baseName;
  let ref;
  try {
    ref = parseNormalizedNamed(origName);
  } catch (err) {
    throw new DockerfileError(`failed to parse stage name ${goQuote(origName)}: ${err.message}`);
  }
  let platform = d.platform ?? bc.po.targetPlatform;
  d.stage.baseName = tagNameOnly(ref).toString();
  let isScratch = false;
  if (reachable) {
    if (d.namedContext !== void 0) {
      const { state, image: image2 } = await loadContext(bc, d.namedContext);
      d.dispatched = true;
      d.state = state;
      if (image2 !== void 0) {
        delete image2.created;
        d.image = image2;
        if (image2.architecture !== "" && image2.os !== "") d.platform = imagePlatform(image2);
      } else {
        d.image = zeroImage();
      }
      return;
    }
    const nc = findNamedContext(bc.opt, d.stage.baseName, contextOpt(bc, d, platform));
    if (nc !== void 0) {
      const loaded = await loadContext(bc, nc);
      const img2 = loaded.image ?? emptyImage(platform);
      d.baseImg = cloneImage(img2);
      delete img2.created;
      d.image = img2;
      d.state = loaded.state.platform(platform);
      d.platform = platform;
      return;
    }
    const resolver = bc.opt.imageResolver;
    if (resolver === void 0) throw new Error(`${origName}: no image resolver to look up ${d.stage.baseName}`);
    let res;
    try {
      res = await resolver.resolve(d.stage.baseName, { platform, resolveMode: bc.opt.imageResolveMode ?? "default" });
    } catch (err) {
      const names2 = [...bc.all.names(), ...COMMON_IMAGE_NAMES];
      throw new DockerfileError(withSuggestion(`${origName}: ${err.message}`, origName, names2, true));
    }
    if (ref.toString() !== res.ref) ref = parseNormalizedNamed(res.ref);
    const configText = new TextDecoder().decode(res.config);
    const img = parseImage(configText);
    d.baseImg = parseImage(configText);
    delete img.created;
    if (d.platform === void 0 && bc.po.implicitTarget) {
      platform = autoDetectPlatform(img.os, img.architecture, platform, bc.po.buildPlatforms);
    }
    if (res.digest !== "") ref = withDigest(ref, res.digest);
    d.stage.baseName = ref.toString();
    if (img.rootfs.diff_ids === null || img.rootfs.diff_ids.length === 0) {
      isScratch = (img.history ?? []).every((h) => h.empty_layer === true);
    }
    d.image = img;
  } else {
    d.image ??= zeroImage();
  }
  if (isScratch) {
    d.state = scratch();
  } else {
    const name = prefixCommand(d, "FROM " + d.stage.baseName, bc.opt.multiPlatformRequested ?? false, platform, emptyEnv);
    d.state = image(d.stage.baseName, {
      ...dfCmd(d.stage.sourceCode),
      platform,
      resolveMode: bc.opt.imageResolveMode,
      customName: name,
      sourceLocations: locationOf(bc.sourceMap, d.stage.location)
    });
  }
  if (reachable && !isScratch) {
    validateBaseImagePlatform(origName, platform, { os: d.image.os, architecture: d.image.architecture }, d.stage.location, bc.lint);
  }
  d.platform = platform;
}
function dispatchStages(bc, reachable, target) {
  const buildContext = new DeferredOutput();
  const buildContextState = buildContext.state();
  const ctxPaths = /* @__PURE__ */ new Set();
  const patterns = bc.opt.excludePatterns ?? [];
  const dockerIgnore = patterns.length > 0 ? new IgnoreMatcher(patterns) : void 0;
  for (const d of bc.all.states) {
    if (!bc.opt.allStages && (!reachable.has(d) || d.dispatched)) continue;
    d.init();
    d.dispatched = true;
    d.platform ??= bc.po.targetPlatform;
    const env = d.image.config.Env ?? [];
    if (!env.some((e) => splitKeyValue(e)[0] === "PATH") && d.platform.os !== "windows") {
      d.image.config.Env = [...env, "PATH=" + DEFAULT_PATH_UNIX];
    }
    for (const e of d.image.config.Env ?? []) {
      const [k, v] = splitKeyValue(e);
      d.state = d.state.addEnv(k, v);
    }
    const hostname = bc.buildArgs.get("BUILDKIT_SANDBOX_HOSTNAME") || bc.opt.hostname;
    if (hostname) d.state = d.state.hostname(hostname);
    const dctx = {
      all: bc.all,
      globalArgs: bc.globalArgs,
      buildArgValues: bc.buildArgs,
      shlex: bc.shlex,
      buildContext: buildContextState,
      proxyEnv: bc.proxyEnv,
      cacheIdNamespace: bc.opt.cacheIdNamespace ?? bc.buildArgs.get("BUILDKIT_CACHE_MOUNT_NS") ?? "",
      targetPlatform: bc.po.targetPlatform,
      extraHosts: bc.opt.extraHosts ?? [],
      shmSize: bc.opt.shmSize ?? 0,
      cgroupParent: bc.opt.cgroupParent ?? "",
      ulimits: bc.opt.ulimits ?? [],
      linuxResources: bc.opt.linuxResources,
      caps: bc.caps,
      sourceMap: bc.sourceMap,
      epoch: bc.epoch,
      epochUnixNano: bc.epochSeconds === void 0 ? void 0 : bc.epochSeconds * 1000000000n + bc.epochNanos,
      lint: bc.lint,
      dockerIgnore
    };
    if (d.image.config.WorkingDir) {
      try {
        dispatchWorkdir(d, d.image.config.WorkingDir, void 0, void 0, false, dctx);
      } catch (err) {
        throw withLocation(err, d.stage.location ?? { start: 0, end: 0 });
      }
    }
    if (d.image.config.User) dispatchUser(d, d.image.config.User, false, dctx);
    d.state = d.state.network(bc.opt.networkMode ?? "sandbox");
    for (const cmd of d.commands) {
      try {
        dispatchCommand(d, cmd, dctx);
      } catch (err) {
        throw withLocation(err, cmd.command.location);
      }
    }
    for (const p of d.ctxPaths) ctxPaths.add(p);
    for (const name of [SBOM_SCAN_CONTEXT, SBOM_SCAN_STAGE]) {
      let enabled = false;
      const g = bc.globalArgs.get(name);
      if (g !== void 0) enabled = isEnabledForStage(d.stageName, g);
      for (const a of d.buildArgs) {
        if (a.key === name && a.value !== void 0) enabled = isEnabledForStage(d.stageName, a.value);
      }
      if (enabled && name === SBOM_SCAN_CONTEXT) d.scanContext = true;
      else if (enabled) d.scanStage = true;
    }
  }
  target.paths.add("/");
  return { ctxPaths, buildContext };
}
function finalize(bc, target, ctxPaths, buildContext) {
  const labels = bc.opt.labels ?? {};
  if (Object.keys(labels).length > 0) {
    target.image.config.Labels = { ...target.image.config.Labels ?? {}, ...labels };
  }
  const lintError = bc.lint.error();
  if (lintError !== void 0) throw lintError;
  const follow = normalizeContextPaths(ctxPaths);
  buildContext.resolve(mainContextState(bc.opt, follow));
  const tp = bc.po.targetPlatform;
  const state = target.state.setMarshalDefaults({ platform: tp, caps: bc.caps });
  const img = target.image;
  if (!bc.po.implicitTarget) {
    const sameOsArch = tp.os === img.os && tp.architecture === img.architecture;
    img.os = tp.os;
    img.architecture = tp.architecture;
    if (tp.variant || !sameOsArch) {
      if (tp.variant) img.variant = tp.variant;
      else delete img.variant;
    }
    if (tp.osVersion || !sameOsArch) {
      if (tp.osVersion) img["os.version"] = tp.osVersion;
      else delete img["os.version"];
    }
    if (tp.osFeatures) img["os.features"] = [...tp.osFeatures];
  }
  const n = normalizePlatform({
    os: img.os,
    architecture: img.architecture,
    variant: img.variant,
    osVersion: img["os.version"],
    osFeatures: img["os.features"]
  });
  img.os = n.os;
  img.architecture = n.architecture;
  if (n.variant) img.variant = n.variant;
  else delete img.variant;
  if (n.osFeatures) img["os.features"] = n.osFeatures;
  const extras = /* @__PURE__ */ new Map();
  if (target.scanContext) extras.set("context", buildContext.state());
  let isIgnoreCache = target.ignoreCache;
  for (const d of allReachableStages(target)) {
    if (d !== target && d.scanStage) {
      extras.set(d.stageName, d.state);
      if (d.ignoreCache) isIgnoreCache = true;
    }
  }
  return {
    state,
    image: img,
    baseImage: target.baseImg,
    platform: target.platform ?? tp,
    sbom: { core: state, extras },
    isIgnoreCache,
    epochSeconds: bc.epochSeconds,
    target
  };
}

// src/dockerfile/lint/results.ts
function toJsonLocation(sourceIndex, ranges) {
  const loc = {};
  if (sourceIndex !== 0) loc.sourceIndex = sourceIndex;
  if (ranges.length > 0) loc.ranges = ranges.map((r) => ({ start: { line: r.start }, end: { line: r.end } }));
  return loc;
}
function mergeRanges(ranges) {
  if (ranges.length <= 1) return ranges.map((r) => ({ ...r }));
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out = [];
  let cur = { ...sorted[0] };
  for (const r of sorted.slice(1)) {
    if (r.start <= cur.end) cur.end = Math.max(cur.end, r.end);
    else {
      out.push(cur);
      cur = { ...r };
    }
  }
  out.push(cur);
  return out;
}

// src/dockerfile/lint/lint.ts
async function lintDockerfile(text, opt = {}) {
  const data = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const arg = opt.buildArgs?.[BUILD_ARG_CHECK];
  let checkConfig;
  if (arg !== void 0) {
    try {
      checkConfig = parseCheckOptions(arg);
    } catch (err) {
      throw new DockerfileError(`failed to parse build-arg:${BUILD_ARG_CHECK}: ${err.message}`);
    }
  }
  const result = {
    warnings: [],
    sources: [{ filename: opt.filename ?? "Dockerfile", data: Buffer.from(data).toString("base64"), language: "Dockerfile" }]
  };
  try {
    await convertDockerfile(data, {
      ...opt,
      // For lint, no target means every stage.
      allStages: !opt.target,
      checkConfig,
      lintWarn: (ruleName, description, url, detail, ranges) => {
        result.warnings.push({ ruleName, description, ...url ? { url } : {}, detail, location: toJsonLocation(0, ranges) });
      }
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const ranges = err instanceof DockerfileError ? mergeRanges(err.ranges.flatMap(perLine)) : [];
    result.buildError = { message, location: toJsonLocation(0, ranges) };
  }
  return result;
}

// src/subrequests/types.ts
function linesLocation(ranges) {
  if (ranges.length === 0) return void 0;
  const out = [];
  for (const r of ranges) {
    const end = Math.max(r.start, r.end);
    for (let line = r.start; line <= end; line++) out.push({ start: { line }, end: { line } });
  }
  return { ranges: out };
}
var enc = new TextEncoder();

// src/dockerfile/outline/outline.ts
async function computeOutline(dockerfile, opt = {}) {
  const { target } = await convertDockerfile(dockerfile, { ...opt, lintWarn: opt.lintWarn ?? (() => {
  }) });
  return {
    name: target.stage.name,
    description: target.stage.docComment,
    args: stageArgs(target, /* @__PURE__ */ new Set()).sort(byLine),
    secrets: mounts(target, "secrets", /* @__PURE__ */ new Set()).sort(byLine),
    ssh: mounts(target, "ssh", /* @__PURE__ */ new Set()).sort(byLine),
    cache: [],
    sources: [dockerfile]
  };
}
function stageArgs(ds, visited) {
  const c = ds.outline;
  c.markAllUsed(c.usedArgs, /* @__PURE__ */ new Set());
  const out = [];
  for (const k of c.usedArgs) {
    const a = c.allArgs.get(k);
    if (a === void 0 || visited.has(k)) continue;
    out.push({ name: a.key, description: a.docComment, value: a.value, location: linesLocation(a.location ? [a.location] : []) });
    visited.add(k);
  }
  if (ds.base !== void 0) out.push(...stageArgs(ds.base, visited));
  for (const d of ds.deps.keys()) out.push(...stageArgs(d, visited));
  return out;
}
function mounts(ds, kind, visited) {
  const out = [];
  for (const [k, v] of ds.outline[kind]) {
    if (visited.has(k)) continue;
    out.push({ name: k, required: v.required, location: linesLocation(v.location ? [v.location] : []) });
    visited.add(k);
  }
  if (ds.base !== void 0) out.push(...mounts(ds.base, kind, visited));
  for (const d of ds.deps.keys()) out.push(...mounts(d, kind, visited));
  return out;
}
var byLine = (a, b) => (a.location?.ranges[0]?.start.line ?? 0) - (b.location?.ranges[0]?.start.line ?? 0);

// src/dockerfile/outline/targets.ts
function listTargets(dockerfile) {
  const { stages } = parseStages(parse2(dockerfile));
  const list = { targets: void 0, sources: [dockerfile] };
  stages.forEach((s, i) => {
    list.targets ??= [];
    list.targets.push({
      name: s.name,
      default: i === stages.length - 1,
      description: s.docComment,
      base: s.baseName,
      platform: s.platform,
      location: linesLocation([s.location])
    });
  });
  return list;
}

// src/registry/auth.ts
function parseChallenges(header) {
  const out = [];
  let i = 0;
  const n = header.length;
  const skipSpace = () => {
    while (i < n && (header[i] === " " || header[i] === "	")) i++;
  };
  const readToken = () => {
    const start = i;
    while (i < n && !' 	,="'.includes(header[i])) i++;
    return header.slice(start, i);
  };
  while (i < n) {
    skipSpace();
    while (i < n && header[i] === ",") i++;
    skipSpace();
    const scheme = readToken();
    if (scheme === "") break;
    const challenge = { scheme: scheme.toLowerCase(), params: {} };
    out.push(challenge);
    for (; ; ) {
      skipSpace();
      const save = i;
      const key = readToken();
      skipSpace();
      if (key === "" || header[i] !== "=") {
        i = save;
        break;
      }
      i++;
      skipSpace();
      let value = "";
      if (header[i] === '"') {
        i++;
        while (i < n && header[i] !== '"') {
          if (header[i] === "\\" && i + 1 < n) i++;
          value += header[i++];
        }
        i++;
      } else {
        value = readToken();
      }
      challenge.params[key.toLowerCase()] = value;
      skipSpace();
      if (header[i] === ",") i++;
    }
  }
  return out;
}
async function fetchAnonymousToken(challenge, scope, fetchFn, creds) {
  const realm = challenge.params.realm;
  if (!realm) throw new Error("bearer challenge has no realm");
  const url = new URL(realm);
  const wanted = challenge.params.scope || scope;
  let res;
  if (creds?.identityToken) {
    const form = new URLSearchParams({ grant_type: "refresh_token", refresh_token: creds.secret, client_id: "dockerfile-llb", scope: wanted });
    if (challenge.params.service) form.set("service", challenge.params.service);
    res = await fetchFn(url, { method: "POST", headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" }, body: form });
  } else {
    if (challenge.params.service) url.searchParams.set("service", challenge.params.service);
    url.searchParams.append("scope", wanted);
    const headers = { Accept: "application/json" };
    if (creds) headers.Authorization = basicAuthorization(creds);
    res = await fetchFn(url, { headers });
  }
  if (!res.ok) {
    await res.body?.cancel();
    const kind = creds ? "token" : "anonymous token";
    throw new Error(`failed to fetch ${kind}: unexpected status from ${creds?.identityToken ? "POST" : "GET"} request to ${url.origin}${url.pathname}: ${res.status} ${res.statusText}`);
  }
  const body = await res.json();
  const token = typeof body.token === "string" && body.token !== "" ? body.token : body.access_token;
  if (typeof token !== "string" || token === "") throw new Error("token server returned no token");
  return token;
}
function basicAuthorization(creds) {
  return `Basic ${Buffer.from(`${creds.username}:${creds.secret}`).toString("base64")}`;
}

// src/registry/media-types.ts
var MEDIA_TYPE_DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
var MEDIA_TYPE_DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
var MEDIA_TYPE_DOCKER_SCHEMA1_MANIFEST = "application/vnd.docker.distribution.manifest.v1+prettyjws";
var MEDIA_TYPE_DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
var MEDIA_TYPE_OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
var MEDIA_TYPE_OCI_INDEX = "application/vnd.oci.image.index.v1+json";
var MEDIA_TYPE_OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
var MANIFEST_ACCEPT = [
  MEDIA_TYPE_DOCKER_MANIFEST,
  MEDIA_TYPE_DOCKER_MANIFEST_LIST,
  MEDIA_TYPE_OCI_MANIFEST,
  MEDIA_TYPE_OCI_INDEX,
  "*/*"
].join(", ");
function isIndexType(mt) {
  return mt === MEDIA_TYPE_OCI_INDEX || mt === MEDIA_TYPE_DOCKER_MANIFEST_LIST;
}
function isManifestType(mt) {
  return mt === MEDIA_TYPE_OCI_MANIFEST || mt === MEDIA_TYPE_DOCKER_MANIFEST;
}

// src/registry/platform-match.ts
var LTSC2022 = 20348;
var COMPAT_LTSC_RELEASES = [LTSC2022, 26100];
function parseUint(s, bits) {
  if (!/^[0-9]+$/.test(s)) return void 0;
  const n = Number(s);
  return n < 2 ** bits ? n : void 0;
}
function windowsVersion(v) {
  const zero = { major: 0, minor: 0, build: 0 };
  const pieces = v.split(".");
  if (pieces.length < 3) return zero;
  const major = parseUint(pieces[0], 8);
  const minor = parseUint(pieces[1], 8);
  const build = parseUint(pieces[2], 16);
  if (major === void 0 || minor === void 0 || build === void 0) return zero;
  return { major, minor, build };
}
function windowsCompatible(host, ctr) {
  if (host.major !== ctr.major || host.minor !== ctr.minor) return false;
  if (host.build < LTSC2022) return host.build === ctr.build;
  let supported2 = LTSC2022;
  for (let i = COMPAT_LTSC_RELEASES.length - 1; i >= 0; i--) {
    if (host.build > COMPAT_LTSC_RELEASES[i]) {
      supported2 = COMPAT_LTSC_RELEASES[i];
      break;
    }
  }
  return supported2 <= ctr.build && ctr.build <= host.build;
}
function featuresSubset(have, want) {
  if (want.length < have.length) return false;
  let j = 0;
  for (const feature of have) {
    let found = false;
    for (; j < want.length; j++) {
      if (feature === want[j]) {
        found = true;
        j++;
        break;
      }
      if (feature < want[j]) return false;
    }
    if (!found) return false;
  }
  return true;
}
function newMatcher(wanted, host = hostPlatform()) {
  const want = normalizePlatform(wanted, host);
  const wantFeatures = want.osFeatures ?? [];
  const winVersion = wanted.os === "windows" ? windowsVersion(wanted.osVersion ?? "") : void 0;
  const exact = (p) => {
    const n = normalizePlatform(p, host);
    if (n.os !== want.os || n.architecture !== want.architecture || (n.variant ?? "") !== (want.variant ?? "")) {
      return false;
    }
    if (winVersion !== void 0) {
      const empty = winVersion.major === 0 && winVersion.minor === 0 && winVersion.build === 0;
      const v = p.osVersion ?? "";
      if (!empty && v !== "" && !windowsCompatible(winVersion, windowsVersion(v))) return false;
    }
    const features = n.osFeatures ?? [];
    return features.length === 0 || featuresSubset(features, wantFeatures);
  };
  if (wanted.os !== "windows") return { match: exact };
  return {
    match(p) {
      const i = (p.osFeatures ?? []).indexOf("win32k");
      if (i < 0) return exact(p);
      const features = [...p.osFeatures ?? []];
      features.splice(i, 1);
      return exact({ ...p, osFeatures: features });
    }
  };
}
var ARM64_VARIANT_VERSIONS = {
  v8: { major: [8], minor: [0] },
  "v8.0": { major: [8], minor: [0] },
  ...Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7, 8, 9].map((m) => [`v8.${m}`, { major: [8], minor: [m] }])
  ),
  v9: { major: [9, 8], minor: [0, 5] },
  "v9.0": { major: [9, 8], minor: [0, 5] },
  ...Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].map((m) => [`v9.${m}`, { major: [9, 8], minor: [m, Math.min(m + 5, 9)] }])
  )
};
function atoi(s) {
  return /^[+-]?[0-9]+$/.test(s) ? Number(s) : void 0;
}
function platformVector(p) {
  const base = { os: p.os, ...p.osVersion ? { osVersion: p.osVersion } : {}, ...p.osFeatures ? { osFeatures: p.osFeatures } : {} };
  let vector = [p];
  switch (p.architecture) {
    case "amd64": {
      const v = atoi((p.variant ?? "").replace(/^v/, ""));
      if (v !== void 0 && v > 1) {
        for (let i = v - 1; i >= 1; i--) vector.push({ ...base, architecture: "amd64", variant: `v${i}` });
      }
      vector.push({ ...base, architecture: "386" });
      break;
    }
    case "arm": {
      const v = atoi((p.variant ?? "").replace(/^v/, ""));
      if (v !== void 0 && v > 5) {
        for (let i = v - 1; i >= 5; i--) vector.push({ ...base, architecture: "arm", variant: `v${i}` });
      }
      break;
    }
    case "arm64": {
      let variant = p.variant || "v8";
      vector = [];
      const versions = ARM64_VARIANT_VERSIONS[variant];
      if (versions === void 0) break;
      versions.major.forEach((major, i) => {
        for (let minor = versions.minor[i]; minor >= 0; minor--) {
          vector.push({ ...base, architecture: "arm64", variant: minor === 0 ? `v${major}` : `v${major}.${minor}` });
        }
      });
      if (variant.startsWith("v8") || variant.startsWith("v9")) variant = "v8";
      vector.push(...platformVector({ ...base, architecture: "arm", variant }));
      break;
    }
  }
  return vector;
}
function orderedComparer(platforms, host = hostPlatform()) {
  const matchers = platforms.map((p) => newMatcher(p, host));
  const less = (a, b) => {
    for (const m of matchers) {
      const am = m.match(a);
      const bm = m.match(b);
      if (am && !bm) return true;
      if (am || bm) {
        if (am && bm) {
          const af = a.osFeatures?.length ?? 0;
          const bf = b.osFeatures?.length ?? 0;
          if (af !== bf) return af > bf;
        }
        return false;
      }
    }
    if ((a.osFeatures?.length ?? 0) > 0 || (b.osFeatures?.length ?? 0) > 0) {
      return less({ ...a, osFeatures: void 0 }, { ...b, osFeatures: void 0 });
    }
    return false;
  };
  return { match: (p) => matchers.some((m) => m.match(p)), less };
}
function onlyPlatform(wanted, host = hostPlatform()) {
  return orderedComparer(platformVector(normalizePlatform(wanted, host)), host);
}
function insertionSort(a, lo, hi, less) {
  for (let i = lo + 1; i < hi; i++) {
    for (let j = i; j > lo && less(a[j], a[j - 1]); j--) [a[j], a[j - 1]] = [a[j - 1], a[j]];
  }
}
function swapRange(a, x, y, n) {
  for (let i = 0; i < n; i++) [a[x + i], a[y + i]] = [a[y + i], a[x + i]];
}
function rotate(a, lo, m, hi) {
  let i = m - lo;
  let j = hi - m;
  while (i !== j) {
    if (i > j) {
      swapRange(a, m - i, m, j);
      i -= j;
    } else {
      swapRange(a, m - i, m + j - i, i);
      j -= i;
    }
  }
  swapRange(a, m - i, m, i);
}
function symMerge(a, lo, m, hi, less) {
  if (m - lo === 1) {
    let i = m;
    let j = hi;
    while (i < j) {
      const h = i + j >>> 1;
      if (less(a[h], a[lo])) i = h + 1;
      else j = h;
    }
    for (let k = lo; k < i - 1; k++) [a[k], a[k + 1]] = [a[k + 1], a[k]];
    return;
  }
  if (hi - m === 1) {
    let i = lo;
    let j = m;
    while (i < j) {
      const h = i + j >>> 1;
      if (!less(a[m], a[h])) i = h + 1;
      else j = h;
    }
    for (let k = m; k > i; k--) [a[k], a[k - 1]] = [a[k - 1], a[k]];
    return;
  }
  const mid = lo + hi >>> 1;
  const n = mid + m;
  let start;
  let r;
  if (m > mid) {
    start = n - hi;
    r = mid;
  } else {
    start = lo;
    r = m;
  }
  const p = n - 1;
  while (start < r) {
    const c = start + r >>> 1;
    if (!less(a[p - c], a[c])) start = c + 1;
    else r = c;
  }
  const end = n - start;
  if (start < m && m < end) rotate(a, start, m, end);
  if (lo < start && start < mid) symMerge(a, lo, start, mid, less);
  if (mid < end && end < hi) symMerge(a, mid, end, hi, less);
}
function goStableSort(a, less) {
  const n = a.length;
  let block = 20;
  let lo = 0;
  let hi = block;
  while (hi <= n) {
    insertionSort(a, lo, hi, less);
    lo = hi;
    hi += block;
  }
  insertionSort(a, lo, n, less);
  while (block < n) {
    lo = 0;
    hi = 2 * block;
    while (hi <= n) {
      symMerge(a, lo, lo + block, hi, less);
      lo = hi;
      hi += 2 * block;
    }
    const m = lo + block;
    if (m < n) symMerge(a, lo, m, n, less);
    block *= 2;
  }
}
function rankManifests(entries, comparer) {
  const kept = entries.filter((e) => e.platform === void 0 || comparer.match(e.platform));
  goStableSort(kept, (x, y) => {
    if (x.platform === void 0) return false;
    if (y.platform === void 0) return true;
    return comparer.less(x.platform, y.platform);
  });
  return kept;
}

// src/registry/resolver.ts
var ImageResolveError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ImageResolveError";
  }
};

// src/registry/registry-client.ts
var MAX_MANIFEST_SIZE = 4 * 1048 * 1048;
var MAX_CONFIG_SIZE = 64 * 1024 * 1024;
var HostError = class extends Error {
  constructor(message, priority) {
    super(message);
    this.priority = priority;
  }
  priority;
};
function isLocalhost(host) {
  let h = host;
  if (h.startsWith("[")) h = h.slice(1, h.indexOf("]"));
  else if (h.split(":").length === 2) h = h.slice(0, h.indexOf(":"));
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
function parseJSON(body, what) {
  try {
    return JSON.parse(Buffer.from(body).toString("utf8"));
  } catch (err) {
    throw new ImageResolveError(`failed to parse ${what}: ${err.message}`);
  }
}
function detectMediaType(body) {
  const m = parseJSON(body, "manifest");
  const looksLikeManifest = m.config !== void 0 || m.layers !== void 0;
  if (looksLikeManifest && m.manifests !== void 0) throw new ImageResolveError("invalid ambiguous manifest and manifest list");
  let mt = looksLikeManifest ? MEDIA_TYPE_DOCKER_MANIFEST : MEDIA_TYPE_DOCKER_MANIFEST_LIST;
  if (typeof m.mediaType === "string") {
    if (isIndexType(m.mediaType) || isManifestType(m.mediaType)) {
      if (isIndexType(m.mediaType) === looksLikeManifest) {
        throw new ImageResolveError("mediaType in manifest does not match manifest contents");
      }
      mt = m.mediaType;
    }
  }
  return mt;
}
var RegistryResolver = class {
  constructor(options = {}) {
    this.options = options;
    this.fetchFn = options.fetch ?? fetch;
  }
  options;
  fetchFn;
  /** `Authorization` values by host and scope. */
  authorizations = /* @__PURE__ */ new Map();
  cache = /* @__PURE__ */ new Map();
  async resolve(ref, opts) {
    const key = `${ref} ${formatPlatformAll(opts.platform)}`;
    if (opts.resolveMode !== "pull") {
      const hit = this.cache.get(key);
      if (hit !== void 0) return hit;
    }
    const named = parseNormalizedNamed(ref);
    const resolved = await this.resolveNamed(ref, named, opts.platform);
    this.cache.set(key, resolved);
    return resolved;
  }
  endpoints(domain) {
    const scheme = (host) => isLocalhost(host) || (this.options.insecureHosts ?? []).includes(host) ? "http" : "https";
    const out = (this.options.mirrors?.[domain] ?? []).map((host) => ({
      host,
      scheme: scheme(host),
      namespace: domain
    }));
    const origin = domain === "docker.io" ? "registry-1.docker.io" : domain;
    out.push({ host: origin, scheme: scheme(origin) });
    return out;
  }
  async resolveNamed(ref, named, platform) {
    const cache = this.options.configCache;
    const platformKey = formatPlatformAll(platform);
    if (named.digest !== void 0) {
      const hit = cache?.get(named.digest, platformKey);
      if (hit !== void 0) return { ref, digest: named.digest, config: hit };
    }
    const object = named.digest ?? named.tag ?? "latest";
    let firstErr;
    for (const endpoint of this.endpoints(named.domain)) {
      let top;
      try {
        top = await this.fetchManifest(endpoint, named.path, object, named.digest, void 0);
      } catch (err) {
        if (!(err instanceof HostError)) throw err;
        if (err.priority === 2) err.message = `${ref}: not found`;
        if (firstErr === void 0 || err.priority > firstErr.priority) firstErr = err;
        continue;
      }
      let config = cache?.get(top.digest, platformKey);
      if (config === void 0) {
        config = await this.walkToConfig(endpoint, named.path, top, onlyPlatform(platform));
        cache?.put(top.digest, platformKey, config);
      }
      return { ref, digest: top.digest, config };
    }
    throw new ImageResolveError(firstErr?.message ?? `${ref}: not found`);
  }
  /** From a manifest or index down to the chosen platform's config bytes. */
  async walkToConfig(endpoint, repo, top, only) {
    let current = top;
    let pickedWithoutPlatform = false;
    for (let depth = 0; depth < 8; depth++) {
      const mt = current.mediaType;
      if (mt === MEDIA_TYPE_DOCKER_SCHEMA1_MANIFEST) {
        throw new ImageResolveError(
          "support Docker Image manifest version 2, schema 1 has been removed. More information at https://docs.docker.com/go/deprecated-image-specs/"
        );
      }
      if (isIndexType(mt)) {
        const index = parseJSON(current.body, "index");
        const entries = (index.manifests ?? []).map((m) => ({
          mediaType: m.mediaType ?? "",
          digest: m.digest ?? "",
          size: m.size,
          platform: m.platform ? fromOCIPlatform(m.platform) : void 0
        }));
        const chosen = rankManifests(entries, only)[0];
        if (chosen === void 0) throw new ImageResolveError("no match for platform in manifest: not found");
        pickedWithoutPlatform = chosen.platform === void 0;
        current = await this.fetchManifest(endpoint, repo, chosen.digest, chosen.digest, chosen.mediaType);
        continue;
      }
      if (isManifestType(mt)) {
        const manifest = parseJSON(current.body, "manifest");
        const cfg = manifest.config;
        if (!cfg || typeof cfg.digest !== "string") throw new ImageResolveError(`manifest ${current.digest} has no config`);
        const config = await this.fetchBlob(endpoint, repo, cfg.digest);
        if (pickedWithoutPlatform) {
          const c = parseJSON(config, "image config");
          if (!only.match(fromOCIPlatform(c))) {
            throw new ImageResolveError(`no match for platform in manifest ${top.digest}: not found`);
          }
        }
        return config;
      }
      throw new ImageResolveError(`encountered unknown type ${mt}; children may not be fetched`);
    }
    throw new ImageResolveError(`manifest ${top.digest}: index nesting too deep`);
  }
  url(endpoint, path) {
    const ns = endpoint.namespace ? `?ns=${encodeURIComponent(endpoint.namespace)}` : "";
    return `${endpoint.scheme}://${endpoint.host}/v2/${path}${ns}`;
  }
  /**
   * GET with registry auth: on a 401, answer the challenge (a bearer token
   * fetched anonymously or with the host's credentials, or basic auth with
   * them) and retry once.
   */
  async get(endpoint, repo, path, accept) {
    const scope = `repository:${repo}:pull`;
    const authKey = `${endpoint.host} ${scope}`;
    const send = (authorization2) => this.fetchFn(this.url(endpoint, path), {
      headers: { Accept: accept, ...authorization2 ? { Authorization: authorization2 } : {} }
    });
    let res;
    try {
      res = await send(this.authorizations.get(authKey));
    } catch (err) {
      const cause = err.cause?.message;
      throw new HostError(`failed to do request: Get "${this.url(endpoint, path)}": ${cause ?? err.message}`, 1);
    }
    if (res.status !== 401) return res;
    const challenges = parseChallenges(res.headers.get("www-authenticate") ?? "");
    await res.body?.cancel();
    const denied = "pull access denied, repository does not exist or may require authorization";
    let creds;
    try {
      creds = this.options.credentials?.(endpoint.host);
    } catch (err) {
      throw new HostError(`${denied}: ${err.message}`, 3);
    }
    const bearer = challenges.find((c) => c.scheme === "bearer");
    let authorization;
    if (bearer !== void 0) {
      try {
        authorization = `Bearer ${await fetchAnonymousToken(bearer, scope, this.fetchFn, creds)}`;
      } catch (err) {
        throw new HostError(`${denied}: ${err.message}`, 3);
      }
    } else if (challenges.some((c) => c.scheme === "basic") && creds !== void 0 && !creds.identityToken) {
      authorization = basicAuthorization(creds);
    } else {
      throw new HostError(`${denied}: authorization failed: no basic auth credentials`, 3);
    }
    this.authorizations.set(authKey, authorization);
    res = await send(authorization);
    if (res.status === 401 || res.status === 403) {
      const text = await res.text();
      throw new HostError(`${denied}: server message: ${registryErrorText(text) || res.statusText}: authorization failed`, 3);
    }
    return res;
  }
  async fetchManifest(endpoint, repo, object, expectDigest, expectMediaType) {
    const res = await this.get(endpoint, repo, `${repo}/manifests/${object}`, MANIFEST_ACCEPT);
    if (res.status === 404) {
      await res.body?.cancel();
      throw new HostError("not found", 2);
    }
    if (!res.ok) {
      const text = await res.text();
      throw new HostError(`unexpected status from GET request to ${this.url(endpoint, `${repo}/manifests/${object}`)}: ${res.status} ${res.statusText}${registryErrorSuffix(text)}`, 3);
    }
    const body = await readLimited(res, MAX_MANIFEST_SIZE, `manifest for ${object}`);
    let digest = expectDigest ?? res.headers.get("docker-content-digest") ?? "";
    if (digest === "") digest = sha256Digest(body);
    else if (validateDigest(digest) !== void 0) {
      throw new ImageResolveError(`"${digest}" in header not a valid digest`);
    }
    if (!verifyDigest(body, digest)) {
      throw new ImageResolveError(`unexpected commit digest ${sha256Digest(body)}, expected ${digest}: failed precondition`);
    }
    const contentType = (res.headers.get("content-type") ?? "").split(";")[0].trim();
    let mediaType = expectMediaType || contentType;
    if (!isIndexType(mediaType) && !isManifestType(mediaType) && mediaType !== MEDIA_TYPE_DOCKER_SCHEMA1_MANIFEST) {
      mediaType = detectMediaType(body);
    }
    return { mediaType, digest, body };
  }
  async fetchBlob(endpoint, repo, digest) {
    const accept = [MEDIA_TYPE_OCI_CONFIG, MEDIA_TYPE_DOCKER_CONFIG, "*/*"].join(", ");
    const res = await this.get(endpoint, repo, `${repo}/blobs/${digest}`, accept);
    if (res.status === 404) {
      await res.body?.cancel();
      throw new ImageResolveError(`content at ${this.url(endpoint, `${repo}/blobs/${digest}`)} not found: not found`);
    }
    if (!res.ok) {
      throw new ImageResolveError(`unexpected status from GET request to ${this.url(endpoint, `${repo}/blobs/${digest}`)}: ${res.status} ${res.statusText}`);
    }
    const body = await readLimited(res, MAX_CONFIG_SIZE, `blob ${digest}`);
    if (!verifyDigest(body, digest)) {
      throw new ImageResolveError(`unexpected commit digest ${sha256Digest(body)}, expected ${digest}: failed precondition`);
    }
    return body;
  }
};
async function readLimited(res, limit2, what) {
  const declared = Number(res.headers.get("content-length") ?? "-1");
  if (declared > limit2) {
    await res.body?.cancel();
    throw new ImageResolveError(`rejecting ${declared} byte ${what}: not found`);
  }
  const body = new Uint8Array(await res.arrayBuffer());
  if (body.length > limit2) throw new ImageResolveError(`rejecting ${body.length} byte ${what}: not found`);
  return body;
}
function registryErrorText(text) {
  try {
    const parsed = JSON.parse(text);
    return (parsed.errors ?? []).map((e) => [e.code?.toLowerCase().replace(/_/g, " "), e.message].filter(Boolean).join(": ")).join(", ");
  } catch {
    return "";
  }
}
function registryErrorSuffix(text) {
  const t = registryErrorText(text);
  return t === "" ? "" : `
${t}`;
}

// src/registry/metadata-file.ts
import { readFileSync } from "node:fs";
function isEntry(v) {
  if (typeof v !== "object" || v === null) return false;
  const e = v;
  return typeof e.digest === "string" && typeof e.config === "object" && e.config !== null && !Array.isArray(e.config);
}
function parseImageMetadata(text, source) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImageResolveError(`invalid image metadata file ${source}: ${err.message}`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new ImageResolveError(`invalid image metadata file ${source}: expected a JSON object`);
  }
  for (const [key, value] of Object.entries(data)) {
    if (!isEntry(value)) {
      throw new ImageResolveError(`invalid image metadata file ${source}: entry ${JSON.stringify(key)} needs a "digest" string and a "config" object`);
    }
    const bad = validateDigest(value.digest);
    if (bad !== void 0) {
      throw new ImageResolveError(`invalid image metadata file ${source}: entry ${JSON.stringify(key)}: ${bad}`);
    }
  }
  return data;
}
var MetadataFileResolver = class _MetadataFileResolver {
  constructor(metadata, source) {
    this.metadata = metadata;
    this.source = source;
  }
  metadata;
  source;
  /** Each entry's config as JSON bytes, made on first use (a Dockerfile resolves the same few images again and again). */
  configBytes = /* @__PURE__ */ new Map();
  static fromFile(path) {
    return new _MetadataFileResolver(parseImageMetadata(readFileSync(path, "utf8"), path), path);
  }
  async resolve(ref, opts) {
    const platform = formatPlatform(normalizePlatform(opts.platform));
    const keys = [`${ref}@${platform}`, `${ref}@${formatPlatform(opts.platform)}`, ref];
    for (const key of keys) {
      const entry = Object.hasOwn(this.metadata, key) ? this.metadata[key] : void 0;
      if (entry !== void 0) {
        let config = this.configBytes.get(key);
        if (config === void 0) {
          config = new TextEncoder().encode(JSON.stringify(entry.config));
          this.configBytes.set(key, config);
        }
        return { ref, digest: entry.digest, config: config.slice() };
      }
    }
    throw new ImageResolveError(`image metadata for ${ref} (${platform}) not found in ${this.source}`);
  }
};

// src/index.ts
function bytes(dockerfile) {
  return typeof dockerfile === "string" ? new TextEncoder().encode(dockerfile) : dockerfile;
}
async function convert(dockerfile, options = {}) {
  const res = await convertDockerfile(bytes(dockerfile), options);
  return {
    definition: res.state.marshal().encode(),
    image: res.image,
    imageConfig: marshalImage(res.image),
    platform: res.platform
  };
}
function lint(dockerfile, options = {}) {
  return lintDockerfile(bytes(dockerfile), options);
}
function outline(dockerfile, options = {}) {
  return computeOutline(bytes(dockerfile), options);
}
function targets(dockerfile) {
  return listTargets(bytes(dockerfile));
}
export {
  DockerfileError,
  ImageResolveError,
  MetadataFileResolver,
  RegistryResolver,
  convert,
  formatPlatform,
  lint,
  outline,
  parse2 as parse,
  parsePlatform,
  targets
};
