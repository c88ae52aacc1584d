// What a gRPC status is as a Go error's text: BuildKit's grpcerrors.FromGRPC
// makes a failed call an error whose Error() is the message, after the code's
// name and a colon unless the code is OK or Unknown.

/** grpc-go's codes.Code names (Code.String), by number. */
const GO_CODE_NAMES = [
  'OK', 'Canceled', 'Unknown', 'InvalidArgument', 'DeadlineExceeded', 'NotFound', 'AlreadyExists', 'PermissionDenied', 'ResourceExhausted',
  'FailedPrecondition', 'Aborted', 'OutOfRange', 'Unimplemented', 'Internal', 'Unavailable', 'DataLoss', 'Unauthenticated',
];

/** A failed call's status as Go's error text (what BuildKit's client prints, and what wraps of it print). */
export function grpcErrorText(code: number, message: string): string {
  if (code === 0 || code === 2) return message;
  return `${GO_CODE_NAMES[code] ?? `Code(${code})`}: ${message}`;
}
