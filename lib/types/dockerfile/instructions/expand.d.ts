import type { WordExpander, WordsExpander } from './expand-types.js';
import type { AddCommand, ArgCommand, Command, CopyCommand, EnvCommand, ExposeCommand, LabelCommand, RunCommand, StopSignalCommand, UserCommand, VolumeCommand, WorkdirCommand } from './types.js';
/** Commands with fields the converter expands before dispatch (upstream's SupportsSingleWordExpansion). */
export type ExpandableCommand = EnvCommand | LabelCommand | AddCommand | CopyCommand | WorkdirCommand | RunCommand | UserCommand | VolumeCommand | StopSignalCommand | ArgCommand;
/**
 * Whether upstream expands this command's fields generically. ARG is in the
 * set, but upstream's converter skips it and expands defaults itself, since
 * a build-arg may replace the default.
 */
export declare function supportsExpansion(cmd: Command): cmd is ExpandableCommand;
/** The command with its expandable fields passed through `expand`; others are returned as they are. */
export declare function expandCommand<C extends Command>(cmd: C, expand: WordExpander): C;
/**
 * Commands whose heredoc bodies are expanded (upstream's
 * SupportsSingleWordExpansionRaw). The converter expands these with a lexer
 * that keeps quotes and always uses `\` as the escape character.
 */
export declare function supportsRawExpansion(cmd: Command): cmd is AddCommand | CopyCommand;
/** ADD/COPY with bodies of heredocs whose delimiter was unquoted passed through `expand`. */
export declare function expandCommandRaw<C extends AddCommand | CopyCommand>(cmd: C, expand: WordExpander): C;
/** EXPOSE: each port word is expanded and split again into words (done by upstream's converter). */
export declare function expandExposePorts(cmd: ExposeCommand, expandWords: WordsExpander): ExposeCommand;
