export declare function taggedPids(name: string, value: string): number[];
export declare function signalTagged(name: string, value: string, signal?: NodeJS.Signals): number[];
export declare function stopTagged(name: string, value: string, graceMs?: number): Promise<void>;
