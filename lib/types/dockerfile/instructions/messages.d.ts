export declare const errAtLeastOneArgument: (cmd: string) => Error;
export declare const errExactlyOneArgument: (cmd: string) => Error;
export declare const errNoDestinationArgument: (cmd: string) => Error;
export declare const errBadHeredoc: (cmd: string, what: string) => Error;
export declare const errBlankCommandNames: (cmd: string) => Error;
export declare const errTooManyArguments: (cmd: string) => Error;
/** The Linux build's text; the Windows build adds a hint about unescaped paths. */
export declare const errNotJSON: (cmd: string) => Error;
