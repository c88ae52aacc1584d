import { type Request, type SubrequestResult } from './types.js';
export declare const REQUEST_DESCRIBE = "frontend.subrequests.describe";
export declare const describeDefinition: Request;
/**
 * What the Dockerfile frontend advertises: outline, targets and describe.
 * It also answers lint and convertllb, but upstream does not list them.
 */
export declare const dockerfileRequests: Request[];
/** The request table (upstream's PrintDescribe), names without the `frontend.` prefix. */
export declare function printDescribe(requests: Request[]): string;
/** The describe answer for these requests (default: the Dockerfile frontend's). */
export declare function describeResult(requests?: Request[]): SubrequestResult;
