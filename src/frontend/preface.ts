// The HTTP/2 connection preface sent before the program is loaded.
//
// BuildKit serves the frontend's pipes with golang.org/x/net/http2's Server,
// which drops a connection whose client magic ("PRI * HTTP/2.0...") has not
// arrived within a fixed 10 s, and whose first SETTINGS frame has not arrived
// within 2 s after that. Node needs well under a second to load and start
// the bundle natively, but several seconds under emulation (an arm64 frontend
// on an amd64 daemon through qemu), enough to miss the 10 s. So the image's
// entry point (scripts/launcher.cjs) writes the magic and an empty
// SETTINGS frame (no parameters: nothing changes) to standard output as its
// first act, before it reads the bundle, and leaves the mark EARLY_PREFACE on
// globalThis. The gRPC client, once loaded, still opens its HTTP/2 session as
// usual; the relay between it and the pipes (transport.ts) then takes out
// the two things that would repeat: the client's own magic (the daemon has
// had it) and the daemon's acknowledgement of the empty SETTINGS frame (the
// client sent no such frame; an unexpected acknowledgement is a protocol
// error to it). The client's own SETTINGS frame goes through as a second
// SETTINGS frame, which HTTP/2 allows at any time, and is acknowledged to it.
import { Transform, type TransformCallback } from 'node:stream';

/** HTTP/2's client connection magic (RFC 9113, section 3.4). */
export const CLIENT_MAGIC = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

/** A SETTINGS frame with no parameters: length 0, type 4, no flags, stream 0. */
export const EMPTY_SETTINGS = Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0]);

/** What scripts/launcher.cjs writes first, byte for byte. */
export const EARLY_PREFACE = Buffer.concat([CLIENT_MAGIC, EMPTY_SETTINGS]);

/** Set to true on globalThis by the entry point once it has written EARLY_PREFACE. */
export const EARLY_PREFACE_MARK = Symbol.for('dockerfile-llb.early-preface');

/** True when this process's entry point has already written EARLY_PREFACE to standard output. */
export function earlyPrefaceSent(): boolean {
  return (globalThis as Record<symbol, unknown>)[EARLY_PREFACE_MARK] === true;
}

const FRAME_HEADER = 9;
const SETTINGS = 4;
const ACK = 1;

/** Client to daemon: takes the client's magic off the front of its bytes (an error if they do not start with it). */
export function withoutClientMagic(): Transform {
  let head = Buffer.alloc(0);
  let done = false;
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      if (done) return cb(null, chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < CLIENT_MAGIC.length) return cb();
      if (!head.subarray(0, CLIENT_MAGIC.length).equals(CLIENT_MAGIC)) {
        return cb(new Error('the gRPC client did not open its connection with the HTTP/2 magic'));
      }
      done = true;
      const rest = head.subarray(CLIENT_MAGIC.length);
      head = Buffer.alloc(0);
      cb(null, rest.length > 0 ? rest : undefined);
    },
  });
}

/** Daemon to client: takes out the first SETTINGS acknowledgement (the one of EMPTY_SETTINGS); all else passes as it came. */
export function withoutFirstSettingsAck(): Transform {
  let pending = Buffer.alloc(0);
  /** Bytes of the current frame's payload still to pass before the next header. */
  let payload = 0;
  let done = false;
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      if (done) return cb(null, chunk);
      let buf = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      const out: Buffer[] = [];
      while (buf.length > 0) {
        if (payload > 0) {
          const n = Math.min(payload, buf.length);
          out.push(buf.subarray(0, n));
          buf = buf.subarray(n);
          payload -= n;
          continue;
        }
        if (buf.length < FRAME_HEADER) break;
        const length = buf.readUIntBE(0, 3);
        if (buf[3] === SETTINGS && (buf[4]! & ACK) !== 0) {
          if (buf.length < FRAME_HEADER + length) break;
          buf = buf.subarray(FRAME_HEADER + length);
          done = true;
          out.push(buf);
          buf = Buffer.alloc(0);
          break;
        }
        out.push(buf.subarray(0, FRAME_HEADER));
        buf = buf.subarray(FRAME_HEADER);
        payload = length;
      }
      pending = Buffer.from(buf);
      const data = Buffer.concat(out);
      cb(null, data.length > 0 ? data : undefined);
    },
  });
}
