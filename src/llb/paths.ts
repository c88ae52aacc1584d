// Slash-separated path helpers with Go's path.Clean/path.Join results.
export { cleanPath, joinPath, isAbsPath } from '../util/go-path.ts';
