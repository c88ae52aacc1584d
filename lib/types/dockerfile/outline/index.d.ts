export { computeOutline } from './outline.js';
export { listTargets } from './targets.js';
