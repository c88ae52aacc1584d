// The gateway connection: BuildKit runs the frontend with its gRPC server at
// the other end of the process's stdin (what the daemon writes) and stdout
// (what it reads), HTTP/2 cleartext, the frontend being the client.
//
// grpc-js always dials a socket address itself, so the pipe pair is offered
// to it through a private listener in the Linux abstract socket namespace (no
// file system needed: the frontend's root file system is read-only) that
// relays its one connection to stdin/stdout. Anything after that one
// connection is refused: a lost connection to the daemon is final.
//
// When the entry point has already written the start of the HTTP/2
// connection (preface.ts, `earlyPreface`), the relay takes the repeated
// parts out of the stream in each direction.
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { withoutClientMagic, withoutFirstSettingsAck } from './preface.ts';

export interface StdioRelay {
  /** The grpc-js target that reaches the daemon. */
  target: string;
  /** Resolves with a reason when the daemon's side of the pipes is gone. */
  closed: Promise<string>;
  close(): void;
}

export async function stdioRelay(input: Readable, output: Writable, earlyPreface = false): Promise<StdioRelay> {
  const name = `dockerfile-llb-${process.pid}-${randomBytes(6).toString('hex')}`;
  let conn: Socket | undefined;
  let server: Server | undefined;
  let onClosed: (reason: string) => void = () => {};
  const closed = new Promise<string>((resolve) => {
    let done = false;
    onClosed = (reason) => {
      if (done) return;
      done = true;
      resolve(reason);
    };
  });

  input.on('end', () => onClosed('BuildKit closed the connection (end of standard input)'));
  input.on('error', (e: Error) => onClosed(`reading standard input failed: ${e.message}`));
  output.on('error', (e: Error) => onClosed(`writing standard output failed: ${e.message}`));
  output.on('close', () => onClosed('BuildKit closed the connection (standard output closed)'));

  server = createServer({ allowHalfOpen: false }, (socket) => {
    if (conn !== undefined) {
      socket.destroy();
      return;
    }
    conn = socket;
    server?.close();
    socket.on('error', () => {});
    if (earlyPreface) {
      const out = withoutClientMagic();
      out.on('error', (e: Error) => {
        onClosed(e.message);
        socket.destroy();
      });
      socket.pipe(out).pipe(output, { end: false });
      input.pipe(withoutFirstSettingsAck()).pipe(socket);
    } else {
      socket.pipe(output, { end: false });
      input.pipe(socket);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server!.once('error', reject);
    server!.listen('\0' + name, () => resolve());
  });
  return {
    target: `unix:\0${name}`,
    closed,
    close: () => {
      server?.close();
      conn?.destroy();
      input.unpipe();
      input.pause();
    },
  };
}
