// SBOM attestations, as upstream's Dockerfile frontend makes them
// (frontend/attestations, frontend/attestations/sbom, dockerui's SBOM
// config): the `attest:sbom` / `build-arg:BUILDKIT_ATTEST_SBOM` options name
// a scanner image; for each platform the frontend runs it over the built
// target (and the extras BUILDKIT_SBOM_SCAN_CONTEXT / BUILDKIT_SBOM_SCAN_STAGE
// add) and returns its output directory as a Bundle attestation, which the
// exporter unpacks into in-toto statements.
import * as llb from '../llb/index.ts';
import type { Definition as PbDefinition } from '../gen/pb.ts';
import * as gw from '../gen/moby.buildkit.v1.frontend.ts';
import type { Platform } from '../dockerfile/convert/index.ts';
import { splitCsvFields } from '../go/csv.ts';
import type { LLBBridge } from './bridge.ts';
import { goUnmarshal } from '../go/unmarshal.ts';
import { OCI_IMAGE } from '../dockerfile/convert/image-schema.ts';
import { goToLower } from '../go/strings.ts';
import { goQuote } from '../go/strconv.ts';
import { ResolveToNonImageError } from '../registry/resolver.ts';

export const DEFAULT_SBOM_GENERATOR = 'docker/buildkit-syft-scanner:stable-1';
const DEFAULT_SLSA_VERSION = 'v1';
/** intoto.PredicateSPDX */
export const PREDICATE_SPDX = 'https://spdx.dev/Document';

const CORE_SBOM_NAME = 'sbom';
const EXTRA_SBOM_PREFIX = CORE_SBOM_NAME + '-';
const SRC_DIR = '/run/src/';
const OUT_DIR = '/run/out/';

/** The scanner an SBOM attestation asks for: its image and the `BUILDKIT_SCAN_<k>` parameters. */
export interface SBOMConfig {
  generator: string;
  parameters: [string, string][];
}

/**
 * attestations.Parse + Validate: `attest:<type>` and
 * `build-arg:BUILDKIT_ATTEST_<TYPE>` options, type lower-cased, each value a
 * CSV list of key=value (a field without `=` has an empty value).
 */
export function parseAttestations(opts: ReadonlyMap<string, string>): Map<string, Map<string, string>> {
  const attests = new Map<string, string>();
  for (const [k, v] of opts) {
    if (k.startsWith('attest:')) attests.set(goToLower(k.slice('attest:'.length)), v);
    else if (k.startsWith('build-arg:BUILDKIT_ATTEST_')) attests.set(goToLower(k.slice('build-arg:BUILDKIT_ATTEST_'.length)), v);
  }
  const out = new Map<string, Map<string, string>>();
  for (const [k, v] of attests) {
    const attrs = new Map<string, string>();
    out.set(k, attrs);
    if (k === 'sbom') attrs.set('generator', DEFAULT_SBOM_GENERATOR);
    else if (k === 'provenance') attrs.set('version', DEFAULT_SLSA_VERSION);
    if (v === '') continue;
    let fields: string[];
    try {
      fields = splitCsvFields(v);
    } catch (err) {
      throw new Error(`failed to parse ${k}: ${(err as Error).message}`);
    }
    for (const field of fields) {
      const eq = field.indexOf('=');
      if (eq < 0) attrs.set(field, '');
      else attrs.set(field.slice(0, eq), field.slice(eq + 1));
    }
  }
  for (const k of out.keys()) {
    if (k !== 'sbom' && k !== 'provenance') throw new Error(`unknown attestation type ${goQuote(k)}`);
  }
  return out;
}

/** dockerui's SBOM config: the generator normalised (tag added), every other key a parameter. */
export function parseSBOMConfig(opts: ReadonlyMap<string, string>): SBOMConfig | undefined {
  const attrs = parseAttestations(opts).get('sbom');
  if (attrs === undefined) return undefined;
  let generator: string | undefined;
  const parameters: [string, string][] = [];
  for (const [k, v] of attrs) {
    if (k === 'generator') {
      try {
        generator = llb.formatReference(llb.tagNameOnly(llb.parseNormalizedNamed(v)));
      } catch (err) {
        throw new Error(`failed to parse sbom scanner ${v}: ${(err as Error).message}`);
      }
    } else {
      parameters.push([k, v]);
    }
  }
  if (generator === undefined) throw new Error('sbom scanner cannot be empty');
  return { generator, parameters };
}

/** The scanner image as resolved: its normalised reference and config. */
export interface ResolvedScanner {
  ref: string;
  config: Uint8Array;
}

/**
 * sourceresolver's ImageMetaResolver.ResolveImageConfig through the gateway
 * (ResolveSourceMeta, or ResolveImageConfig on a daemon without it): the
 * scanner's config for the build platform, no log name. Daemon errors are
 * thrown as they come; the caller wraps them.
 */
export async function resolveScanner(
  bridge: LLBBridge,
  useSourceMeta: boolean,
  ref: string,
  platform: Platform,
  resolveMode: string,
): Promise<ResolvedScanner> {
  const p = {
    OS: platform.os,
    Architecture: platform.architecture,
    Variant: platform.variant,
    OSVersion: platform.osVersion,
    OSFeatures: platform.osFeatures,
  };
  if (!useSourceMeta) {
    const res = await bridge.resolveImageConfig({ Ref: ref, Platform: p, ResolveMode: resolveMode, ResolverType: 0 });
    return { ref: res.Ref || ref, config: res.Config ?? new Uint8Array() };
  }
  const res = await bridge.resolveSourceMeta({
    Source: { identifier: 'docker-image://' + ref },
    Platform: p,
    ResolveMode: resolveMode,
    Image: {},
  });
  const id = res.Source?.identifier ?? '';
  if (res.Image === undefined) throw new ResolveToNonImageError(ref, id);
  return { ref: id.replace(/^docker-image:\/\//, '').replace(/^oci-layout:\/\//, ''), config: res.Image.Config ?? new Uint8Array() };
}

interface ScannerImageConfig {
  config?: { Env?: string[] | null; Entrypoint?: string[] | null; Cmd?: string[] | null; WorkingDir?: string };
}

/** A scan of one platform's result: the state of the scanner's output directory and the attestation to return. */
export interface SBOMScan {
  state: llb.State;
  attestation: gw.Attestation;
}

/** sbom.CreateSBOMScanner: a function building the scan of one target, or an error for an unusable scanner. */
export type Scanner = (name: string, core: llb.State, extras: ReadonlyMap<string, llb.State>, ignoreCache: boolean) => SBOMScan;

export function createScanner(scanner: ResolvedScanner, platform: Platform, parameters: readonly [string, string][]): Scanner {
  // json.Unmarshal into image-spec's Image, its error as it is.
  const img = (goUnmarshal(new TextDecoder().decode(scanner.config), OCI_IMAGE) ?? {}) as ScannerImageConfig;
  const cfg = img.config ?? {};
  const args = [...(cfg.Entrypoint ?? []), ...(cfg.Cmd ?? [])];
  if (args.length === 0) throw new Error(`scanner ${scanner.ref} does not have cmd`);

  return (name, core, extras, ignoreCache) => {
    const env: string[] = [...(cfg.Env ?? [])];
    env.push('BUILDKIT_SCAN_DESTINATION=' + OUT_DIR);
    env.push('BUILDKIT_SCAN_SOURCE=' + SRC_DIR + 'core/' + CORE_SBOM_NAME);
    if (extras.size > 0) env.push('BUILDKIT_SCAN_SOURCE_EXTRAS=' + SRC_DIR + 'extras');
    for (const [k, v] of parameters) env.push(`BUILDKIT_SCAN_${k}=${v}`);

    const image = llb.image(scanner.ref, { platform });
    let st = image.dir(cfg.WorkingDir ?? '');
    for (const e of env) {
      const eq = e.indexOf('=');
      st = eq < 0 ? st.addEnv(e, '') : st.addEnv(e.slice(0, eq), e.slice(eq + 1));
    }
    const mounts: llb.RunMount[] = [];
    if (platform.os === 'windows') {
      mounts.push({
        target: '/tmp',
        source: image.file(llb.mkdir('/tmp', 0o777, { makeParents: true })),
        selector: '/tmp',
        noOutput: true,
      });
    } else {
      mounts.push({ target: '/tmp', tmpfs: {} });
    }
    mounts.push({ target: SRC_DIR + 'core/' + CORE_SBOM_NAME, source: core, readonly: true });
    for (const [k, extra] of extras) mounts.push({ target: SRC_DIR + 'extras/' + EXTRA_SBOM_PREFIX + k, source: extra, readonly: true });
    mounts.push({ target: OUT_DIR, source: llb.scratch() });

    const run = st.run({
      args,
      mounts,
      customName: `[${name}] generating sbom using ${scanner.ref}`,
      ignoreCache: ignoreCache || undefined,
    });
    return {
      state: run.getMount(OUT_DIR),
      attestation: {
        kind: gw.AttestationKind.Bundle,
        metadata: { reason: enc.encode('sbom'), 'sbom-core': enc.encode(CORE_SBOM_NAME) },
        inTotoPredicateType: PREDICATE_SPDX,
      },
    };
  };
}

const enc = new TextEncoder();

/** The scan's Definition as upstream marshals it (no marshal defaults). */
export function scanDefinition(scan: SBOMScan): PbDefinition {
  return scan.state.marshal().toPb();
}
