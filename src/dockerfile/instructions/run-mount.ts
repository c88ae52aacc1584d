// `RUN --mount=<csv>` (upstream's commands_runmount.go). Parsed twice, as
// upstream does: once at parse time without an expander, where only `from`
// is read (it decides stage dependencies before any variable is known), and
// again after expansion, where every key is read and validated.

import { splitCsvFields } from '../../go/csv.ts';
import { parseGoBool, parseGoUint32, goQuote } from '../../go/strconv.ts';
import { ramInBytes } from '../../go/units.ts';
import { withSuggestion } from './suggest.ts';
import type { Mount, MountType, ShareMode } from './types.ts';
import type { WordExpander } from './expand-types.ts';
import { goToLower } from '../../go/strings.ts';

const mountTypes: readonly MountType[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const shareModes: readonly ShareMode[] = ['shared', 'private', 'locked'];
const allKeys = [
  'type', 'from', 'source', 'target', 'readonly', 'id', 'sharing', 'required', 'size', 'mode',
  'uid', 'gid', 'src', 'dst', 'destination', 'ro', 'rw', 'readwrite', 'env',
];

function isMountType(v: string): v is MountType {
  return (mountTypes as readonly string[]).includes(v);
}

function isShareMode(v: string): v is ShareMode {
  return (shareModes as readonly string[]).includes(v);
}

function boolValue(key: string, value: string): boolean {
  const b = parseGoBool(value);
  if (b === undefined) throw new Error(`invalid value for ${key}: ${value}`);
  return b;
}

function newMount(): Mount {
  return {
    type: 'bind',
    from: '',
    source: '',
    target: '',
    readOnly: false,
    sizeLimit: 0,
    cacheId: '',
    cacheSharing: '',
    required: false,
    env: undefined,
    mode: undefined,
    uid: undefined,
    gid: undefined,
  };
}

/**
 * Parses one `--mount` value. Without `expand` only `from` is read (and
 * checked for variables, unless `scopedFrom`: the labs channel resolves them
 * with the stage's args, convert/stage-args.ts); with it, every value is
 * expanded then validated.
 */
export function parseMount(spec: string, expand?: WordExpander, scopedFrom = false): Mount {
  let fields: string[];
  try {
    fields = splitCsvFields(spec);
  } catch (err) {
    throw new Error(`failed to parse csv mounts: ${(err as Error).message}`);
  }

  const m = newMount();
  let readOnlyAuto = true;

  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = goToLower(eq < 0 ? field : field.slice(0, eq));
    let value = eq < 0 ? '' : field.slice(eq + 1);

    if (eq < 0) {
      if (expand === undefined) continue;
      switch (key) {
        case 'readonly':
        case 'ro':
          m.readOnly = true;
          readOnlyAuto = false;
          continue;
        case 'readwrite':
        case 'rw':
          m.readOnly = false;
          readOnlyAuto = false;
          continue;
        case 'required':
          if (m.type !== 'secret' && m.type !== 'ssh') {
            throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
          }
          m.required = true;
          continue;
        default:
          throw new Error(`invalid field '${field}' must be a key=value pair`);
      }
    }

    if (expand !== undefined) {
      value = expand(value);
    } else if (key === 'from') {
      // A `$` anywhere but last would be a variable, which `from` cannot use.
      const dollar = value.indexOf('$');
      if (!scopedFrom && dollar !== -1 && dollar !== value.length - 1) {
        throw new Error(`'${key}' doesn't support variable expansion, define alias stage instead`);
      }
    } else {
      continue;
    }

    switch (key) {
      case 'type': {
        const t = goToLower(value);
        if (!isMountType(t)) {
          throw new Error(withSuggestion(`unsupported mount type ${goQuote(value)}`, value, mountTypes, true));
        }
        m.type = t;
        break;
      }
      case 'from':
        m.from = value;
        break;
      case 'source':
      case 'src':
        m.source = value;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.target = value;
        break;
      case 'readonly':
      case 'ro':
        m.readOnly = boolValue(key, value);
        readOnlyAuto = false;
        break;
      case 'readwrite':
      case 'rw':
        m.readOnly = !boolValue(key, value);
        readOnlyAuto = false;
        break;
      case 'required':
        if (m.type !== 'secret' && m.type !== 'ssh') {
          throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
        }
        m.required = boolValue(key, value);
        break;
      case 'size': {
        if (m.type !== 'tmpfs') throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
        const size = ramInBytes(value);
        if (size === undefined) throw new Error(`invalid value for ${key}: ${value}`);
        m.sizeLimit = size;
        break;
      }
      case 'id':
        m.cacheId = value;
        break;
      case 'sharing': {
        const s = goToLower(value);
        if (!isShareMode(s)) {
          throw new Error(withSuggestion(`unsupported sharing value ${goQuote(value)}`, value, shareModes, true));
        }
        m.cacheSharing = s;
        break;
      }
      case 'mode':
        m.mode = parseGoUint32(value, 8);
        if (m.mode === undefined) throw new Error(`invalid value ${value} for mode`);
        break;
      case 'uid':
        m.uid = parseGoUint32(value, 10);
        if (m.uid === undefined) throw new Error(`invalid value ${value} for uid`);
        break;
      case 'gid':
        m.gid = parseGoUint32(value, 10);
        if (m.gid === undefined) throw new Error(`invalid value ${value} for gid`);
        break;
      case 'env':
        m.env = value;
        break;
      default:
        throw new Error(withSuggestion(`unexpected key '${key}' in '${field}'`, key, allKeys, true));
    }
  }

  const fileInfoAllowed = m.type === 'secret' || m.type === 'ssh' || m.type === 'cache';
  if (!fileInfoAllowed) {
    if (m.mode !== undefined) throw new Error(`mode not allowed for ${goQuote(m.type)} type mounts`);
    if (m.uid !== undefined) throw new Error(`uid not allowed for ${goQuote(m.type)} type mounts`);
    if (m.gid !== undefined) throw new Error(`gid not allowed for ${goQuote(m.type)} type mounts`);
  }

  if (readOnlyAuto) m.readOnly = !(m.type === 'cache' || m.type === 'tmpfs');

  if (m.type === 'secret') {
    if (m.from !== '') throw new Error('secret mount should not have a from');
    if (m.cacheSharing !== '') throw new Error('secret mount should not define sharing');
    if (m.source === '' && m.target === '' && m.cacheId === '') {
      throw new Error('invalid secret mount. one of source, target required');
    }
    if (m.source !== '' && m.cacheId !== '') throw new Error("both source and id can't be set");
  }

  if (m.cacheSharing !== '' && m.type !== 'cache') {
    throw new Error(`invalid cache sharing set for ${m.type} mount`);
  }
  return m;
}
