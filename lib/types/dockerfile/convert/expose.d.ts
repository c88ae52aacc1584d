export interface PortWarning {
    rule: 'ExposeProtoCasing' | 'ExposeInvalidFormat';
    port: string;
}
/** One `[ip:][hostPort:]port[-end][/proto]` spec. */
export declare function parsePort(raw: string, warnings?: PortWarning[]): string[];
export declare function parsePorts(ports: string[], warnings?: PortWarning[]): string[];
