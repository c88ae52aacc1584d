import type { InstructionNode } from '../parser/ast.js';
export type InstructionLintEvent = {
    rule: 'MaintainerDeprecated';
}
/** `FROM x AS Name`: the stage name as written. */
 | {
    rule: 'StageNameCasing';
    stageName: string;
}
/** The FROM keyword and the AS keyword as written. */
 | {
    rule: 'FromAsCasing';
    fromKeyword: string;
    asKeyword: string;
}
/** `exampleKey` is the single name defined, or `<arg_key>` when there are several. */
 | {
    rule: 'InvalidDefinitionDescription';
    instruction: 'FROM' | 'ARG';
    exampleKey: string;
};
export type InstructionLinter = (event: InstructionLintEvent, node: InstructionNode) => void;
