// Go's %q for strings: one implementation for the whole project.
export { goQuote } from '../../util/go-quote.ts';
