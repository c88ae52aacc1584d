// Two Go standard-library behaviours that show up in upstream's error texts
// and formatted names: %q quoting (strconv.Quote) and path.Join/path.Clean.

export { goQuote } from '../util/go-quote.ts';

export { cleanPath as goPathClean, joinPath as goPathJoin } from '../util/go-path.ts';
