// The two channels of the Dockerfile syntax. `stable` is exactly upstream's
// stable frontend (docker/dockerfile:1); `labs` adds what upstream's labs
// build has (RUN --device) and this project's own labs features
// (docs/labs.md). One code base: a labs feature asks `isLabs(channel)` where
// it parses or lowers, and stable keeps upstream's error for the syntax.

export type Channel = 'stable' | 'labs';

export const channels: readonly Channel[] = ['stable', 'labs'];

/** Whether labs-only syntax is accepted (an unset channel is stable). */
export function isLabs(channel: Channel | undefined): boolean {
  return channel === 'labs';
}

/** Reads a channel name (as given to the CLI or the image's build arg); undefined for an unknown name. */
export function parseChannel(value: string): Channel | undefined {
  return (channels as readonly string[]).includes(value) ? (value as Channel) : undefined;
}
