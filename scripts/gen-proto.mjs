// Generates src/gen/<package>.ts from every .proto file under proto/.
//
// Each generated file holds, per protobuf package: a TypeScript interface per
// message, a const object and a union type per enum, and a descriptor per
// message that the hand-written runtime (src/protobuf/) uses to encode
// and decode exactly as Go's deterministic marshaler does. protobufjs is used
// only to parse the .proto text; nothing of it is needed at run time.
//
//   node scripts/gen-proto.mjs          write src/gen/
//   node scripts/gen-proto.mjs --check  exit 1 if src/gen/ is out of date
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import protobuf from 'protobufjs';

const PROTO_DIR = resolve('proto');
const OUT_DIR = resolve('src/gen');

function protoFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) protoFiles(p, out);
    else if (name.endsWith('.proto')) out.push(relative(PROTO_DIR, p).split(sep).join('/'));
  }
  return out;
}

// Imports resolve against proto/ first, then protobufjs's bundled well-known types.
function loadRoot(files) {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => {
    const local = join(PROTO_DIR, target);
    return existsSync(local) ? local : target;
  };
  root.loadSync(files, { keepCase: true });
  root.resolveAll();
  return root;
}

const SCALARS = new Set([
  'double', 'float', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64',
  'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'bool', 'string', 'bytes',
]);
const LONG = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const PACKABLE = new Set([...SCALARS].filter((s) => s !== 'string' && s !== 'bytes'));

function tsScalar(kind) {
  if (kind === 'string') return 'string';
  if (kind === 'bytes') return 'Uint8Array';
  if (kind === 'bool') return 'boolean';
  if (LONG.has(kind)) return 'Int64';
  return 'number';
}

/** The full name without the leading dot, e.g. "pb.Op" or "pb.Outer.Inner". */
function fullName(t) {
  return t.fullName.replace(/^\./, '');
}

function packageOf(t) {
  let ns = t.parent;
  while (ns && (ns instanceof protobuf.Type || ns instanceof protobuf.Enum)) ns = ns.parent;
  return ns ? ns.fullName.replace(/^\./, '') : '';
}

/** The local TypeScript name: nested types are joined with "_". */
function localName(t) {
  const pkg = packageOf(t);
  const full = fullName(t);
  return (pkg ? full.slice(pkg.length + 1) : full).replace(/\./g, '_');
}

function moduleName(pkg) {
  return pkg === '' ? '_root' : pkg;
}

function collect(ns, types, enums) {
  for (const nested of ns.nestedArray) {
    if (nested instanceof protobuf.Type) {
      types.push(nested);
      collect(nested, types, enums);
    } else if (nested instanceof protobuf.Enum) {
      enums.push(nested);
    } else if (nested instanceof protobuf.Namespace) {
      collect(nested, types, enums);
    }
  }
}

function generate(root) {
  const types = [];
  const enums = [];
  collect(root, types, enums);
  const byPackage = new Map();
  const bucket = (pkg) => {
    if (!byPackage.has(pkg)) byPackage.set(pkg, { types: [], enums: [] });
    return byPackage.get(pkg);
  };
  for (const t of types) bucket(packageOf(t)).types.push(t);
  for (const e of enums) bucket(packageOf(e)).enums.push(e);

  const files = new Map();
  for (const [pkg, { types: pts, enums: pes }] of [...byPackage].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const imports = new Set();
    const ref = (t) => {
      const other = packageOf(t);
      if (other === pkg) return localName(t);
      imports.add(other);
      return `${alias(other)}.${localName(t)}`;
    };
    const body = [];
    for (const e of pes) {
      const name = localName(e);
      body.push(`/** Enum ${fullName(e)}. */`);
      body.push(`export const ${name} = {`);
      for (const [k, v] of Object.entries(e.values)) body.push(`  ${k}: ${v},`);
      body.push('} as const;');
      body.push(`export type ${name} = (typeof ${name})[keyof typeof ${name}];`);
      // Value names by number, for protojson (enums are written by name).
      body.push(`defineEnum('${fullName(e)}', ${name});`);
      body.push('');
    }
    for (const t of pts) {
      const name = localName(t);
      const lines = [`/** Message ${fullName(t)}. */`, `export interface ${name} {`];
      const oneofs = new Map();
      const descs = [];
      for (const f of t.fieldsArray) {
        let ts;
        let desc;
        if (f.map) {
          const keyKind = f.keyType;
          let valueTs;
          let valueDesc;
          if (SCALARS.has(f.type)) {
            valueTs = tsScalar(f.type);
            valueDesc = `{ kind: 'scalar', scalar: '${f.type}' }`;
          } else if (f.resolvedType instanceof protobuf.Enum) {
            valueTs = ref(f.resolvedType);
            valueDesc = `{ kind: 'enum', enumType: '${fullName(f.resolvedType)}' }`;
          } else {
            valueTs = ref(f.resolvedType);
            valueDesc = `{ kind: 'message', typeName: '${fullName(f.resolvedType)}' }`;
          }
          ts = `{ [key: string]: ${valueTs} }`;
          desc = `{ name: '${f.name}', no: ${f.id}, kind: 'map', mapKey: '${keyKind}', mapValue: ${valueDesc} }`;
        } else {
          const repeated = f.repeated;
          let elemTs;
          let kindPart;
          if (SCALARS.has(f.type)) {
            elemTs = tsScalar(f.type);
            const packed = repeated && PACKABLE.has(f.type) && f.getOption('packed') !== false;
            kindPart = `kind: 'scalar', scalar: '${f.type}'${repeated ? ', repeated: true' : ''}${packed ? ', packed: true' : ''}`;
          } else if (f.resolvedType instanceof protobuf.Enum) {
            elemTs = ref(f.resolvedType);
            const packed = repeated && f.getOption('packed') !== false;
            kindPart = `kind: 'enum', enumType: '${fullName(f.resolvedType)}'${repeated ? ', repeated: true' : ''}${packed ? ', packed: true' : ''}`;
          } else {
            elemTs = ref(f.resolvedType);
            kindPart = `kind: 'message', typeName: '${fullName(f.resolvedType)}'${repeated ? ', repeated: true' : ''}`;
          }
          ts = repeated ? `${elemTs}[]` : elemTs;
          const oneof = f.partOf && !f.partOf.name.startsWith('_') ? f.partOf.name : undefined;
          desc = `{ name: '${f.name}', no: ${f.id}, ${kindPart}${oneof ? `, oneof: '${oneof}'` : ''} }`;
          if (oneof) {
            if (!oneofs.has(oneof)) {
              oneofs.set(oneof, []);
              // The oneof takes the place of its first member, as in Go's struct.
              lines.push(`  ${quoteKey(oneof)}?: @@ONEOF:${oneof}@@;`);
            }
            oneofs.get(oneof).push(`{ case: '${f.name}'; value: ${ts} }`);
            descs.push(desc);
            continue;
          }
        }
        lines.push(`  ${quoteKey(f.name)}?: ${ts};`);
        descs.push(desc);
      }
      lines.push('}');
      let text = lines.join('\n');
      for (const [o, cases] of oneofs) text = text.replace(`@@ONEOF:${o}@@`, cases.join(' | '));
      body.push(text);
      body.push(`export const ${name}: MessageDesc<${name}> = defineMessage<${name}>('${fullName(t)}', [`);
      for (const d of descs) body.push(`  ${d},`);
      body.push(']);');
      body.push('');
    }
    const head = [
      `// Code generated by scripts/gen-proto.mjs from proto/. DO NOT EDIT.`,
      `// Package: ${pkg || '(none)'}`,
      '/* eslint-disable */',
      '',
      `import { ${pes.length > 0 ? 'defineEnum, ' : ''}defineMessage } from '../protobuf/registry.ts';`,
      `import type { MessageDesc${body.some((l) => l.includes('Int64')) ? ', Int64' : ''} } from '../protobuf/registry.ts';`,
      ...[...imports].sort().map((p) => `import * as ${alias(p)} from './${moduleName(p)}.ts';`),
      // Referenced packages are imported as values so that their descriptors register first.
      ...[...imports].sort().map((p) => `void ${alias(p)};`),
      '',
    ];
    files.set(`${moduleName(pkg)}.ts`, `${head.join('\n')}${body.join('\n')}`);
  }
  return files;
}

function alias(pkg) {
  return `pkg_${pkg.replace(/[^A-Za-z0-9]/g, '_')}`;
}

function quoteKey(name) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : `'${name}'`;
}

const files = generate(loadRoot(protoFiles(PROTO_DIR)));
const check = process.argv.includes('--check');
let stale = 0;
if (!check) mkdirSync(OUT_DIR, { recursive: true });
for (const [name, text] of files) {
  const path = join(OUT_DIR, name);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === text) continue;
  if (check) {
    process.stderr.write(`src/gen/${name} is out of date; run npm run gen:proto\n`);
    stale++;
  } else {
    writeFileSync(path, text);
    process.stdout.write(`wrote src/gen/${name}\n`);
  }
}
process.exit(stale ? 1 : 0);
