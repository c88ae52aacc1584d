// The platform an LLB graph gets when none is set: this machine's, as Go's
// platforms.DefaultSpec() normalised.
import { hostPlatform, normalizePlatform, type Platform } from '../platform/platform.ts';

export function defaultPlatform(): Platform {
  return normalizePlatform(hostPlatform());
}
