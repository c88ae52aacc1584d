// Error texts shared by several instructions, worded exactly as upstream.

export const errAtLeastOneArgument = (cmd: string): Error => new Error(`${cmd} requires at least one argument`);

export const errExactlyOneArgument = (cmd: string): Error => new Error(`${cmd} requires exactly one argument`);

export const errNoDestinationArgument = (cmd: string): Error =>
  new Error(`${cmd} requires at least two arguments, but only one was provided. Destination could not be determined`);

export const errBadHeredoc = (cmd: string, what: string): Error => new Error(`${cmd} cannot accept a heredoc as ${what}`);

export const errBlankCommandNames = (cmd: string): Error => new Error(`${cmd} names can not be blank`);

export const errTooManyArguments = (cmd: string): Error => new Error(`Bad input to ${cmd}, too many arguments`);

/** The Linux build's text; the Windows build adds a hint about unescaped paths. */
export const errNotJSON = (cmd: string): Error => new Error(`${cmd} requires the arguments to be in JSON form`);
