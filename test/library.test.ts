// The library's entry points (src/index.ts) take the platforms as the
// frontend gets them: normalized (parsePlatform('arm') converts for
// linux/arm/v7, as `--platform arm` does), judged by the oracle's image config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goAvailable, runOracle } from './oracle/oracle.ts';
import { convert, outline, parsePlatform } from '../src/index.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

test('convert and outline normalize the target platform, as the frontend’s platform option is', { skip }, async () => {
  const text = 'FROM scratch\nARG TARGETPLATFORM TARGETVARIANT\nLABEL tp=$TARGETPLATFORM tv=$TARGETVARIANT\nRUN echo $TARGETPLATFORM\n';
  for (const platform of ['arm', 'Linux/AARCH64', 'windows/arm']) {
    const up = JSON.parse(runOracle(['dockerfile2llb', '-f', '-', '--platform', platform], text).toString()) as { imageText?: string };
    assert.ok(up.imageText !== undefined, platform);
    const ours = await convert(text, { targetPlatform: parsePlatform(platform) });
    assert.equal(ours.imageConfig, up.imageText, platform);
  }
  const o = await outline('FROM scratch\nARG TARGETVARIANT\nARG V=$TARGETVARIANT\nRUN echo $V\n', { targetPlatform: parsePlatform('arm') });
  assert.equal(o.args?.find((a) => a.name === 'V')?.value, 'v7');
});
