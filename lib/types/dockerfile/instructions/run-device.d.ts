import type { Device } from './types.js';
export declare function parseDevice(spec: string): Device;
