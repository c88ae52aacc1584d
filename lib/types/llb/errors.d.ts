export type LLBErrorCode = 'invalid-state' | 'invalid-mount' | 'invalid-reference' | 'invalid-definition';
/** An error in the use of the LLB SDK, reported before (or instead of) marshaling. */
export declare class LLBError extends Error {
    readonly code: LLBErrorCode;
    readonly name = "LLBError";
    constructor(code: LLBErrorCode, message: string);
}
