// The Go types an image config is decoded into upstream (docker-image-spec's
// DockerOCIImage, embedding image-spec's Image, Platform and ImageConfig),
// described for goUnmarshal: field JSON names, the embedded structs each is
// promoted through (they appear in Go's error paths) and the type names Go's
// messages print.
import { OCI_PLATFORM_FIELDS, type GoField, type GoType } from '../../go/unmarshal.ts';
import { parseRFC3339 } from '../../go/time.ts';

const str: GoType = { kind: 'string' };
const strings: GoType = { kind: 'slice', elem: str };
const set: GoType = { kind: 'map', elem: { kind: 'struct', name: 'struct {}', fields: [] } };
const duration: GoType = { kind: 'int', name: 'time.Duration' };
/** *time.Time, read as RFC 3339. */
const time: GoType = { kind: 'ptr', elem: { kind: 'custom', name: 'time.Time', parse: parseRFC3339 } };

function fields(via: string[] | undefined, list: [string, GoType][]): GoField[] {
  return list.map(([json, type]) => (via === undefined ? { json, type } : { json, type, via }));
}

const healthcheck: GoType = {
  kind: 'struct',
  name: 'v1.HealthcheckConfig',
  fields: fields(undefined, [
    ['Test', strings],
    ['Interval', duration],
    ['Timeout', duration],
    ['StartPeriod', duration],
    ['StartInterval', duration],
    ['Retries', { kind: 'int', name: 'int' }],
  ]),
};

const imageConfigFields: [string, GoType][] = [
  ['User', str],
  ['ExposedPorts', set],
  ['Env', strings],
  ['Entrypoint', strings],
  ['Cmd', strings],
  ['Volumes', set],
  ['WorkingDir', str],
  ['Labels', { kind: 'map', elem: str }],
  ['StopSignal', str],
  ['ArgsEscaped', { kind: 'bool' }],
];

const config: GoType = {
  kind: 'struct',
  name: 'v1.DockerOCIImageConfig',
  fields: [
    ...fields(['ImageConfig'], imageConfigFields),
    ...fields(['DockerOCIImageConfigExt'], [
      ['Healthcheck', { kind: 'ptr', elem: healthcheck }],
      ['OnBuild', strings],
      ['Shell', strings],
    ]),
  ],
};

const history: GoType = {
  kind: 'struct',
  name: 'v1.History',
  fields: fields(undefined, [
    ['created', time],
    ['created_by', str],
    ['author', str],
    ['comment', str],
    ['empty_layer', { kind: 'bool' }],
  ]),
};

const rootfs: GoType = {
  kind: 'struct',
  name: 'v1.RootFS',
  fields: fields(undefined, [
    ['type', str],
    ['diff_ids', { kind: 'slice', elem: { kind: 'string', name: 'digest.Digest' } }],
  ]),
};

/** image-spec's v1.Image without its config: the fields DockerOCIImage promotes (through `via`). */
function imageFields(via: string[]): GoField[] {
  return [
    ...fields(via, [
      ['created', time],
      ['author', str],
    ]),
    ...OCI_PLATFORM_FIELDS.map((f) => ({ ...f, via: [...via, 'Platform'] })),
    ...fields(via.length === 0 ? undefined : via, [
      ['rootfs', rootfs],
      ['history', { kind: 'slice', elem: history }],
    ]),
  ];
}

/** docker-image-spec v1.DockerOCIImage. */
export const DOCKER_OCI_IMAGE: GoType = {
  kind: 'struct',
  name: 'v1.DockerOCIImage',
  fields: [...imageFields(['Image']), { json: 'config', type: config }],
};

/** image-spec v1.Image (what an SBOM scanner's config is read as). */
export const OCI_IMAGE: GoType = {
  kind: 'struct',
  name: 'v1.Image',
  fields: [...imageFields([]), { json: 'config', type: { kind: 'struct', name: 'v1.ImageConfig', fields: fields(undefined, imageConfigFields) } }],
};
