// Outline and targets of a Dockerfile (the `frontend.outline` and
// `frontend.targets` subrequests); rendering is in src/subrequests.

export { computeOutline } from './outline.ts';
export { listTargets, listTargetsFor } from './targets.ts';
