// The Dockerfile formatter (`dockerfile-llb fmt`), also a library entry point.

export { format, type FormatOptions } from './format.ts';
