export type Chmod = {
    mode: number;
} | {
    modeStr: string;
};
export declare function parseChmod(value: string): Chmod;
