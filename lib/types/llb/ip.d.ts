/** The canonical text of an IPv4 or IPv6 address; IPv4-mapped IPv6 prints as IPv4, as in Go. */
export declare function canonicalIP(ip: string): string;
