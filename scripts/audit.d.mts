/** Types of audit.mjs for its test. */
export declare function verdict(stdout: string): { kind: 'unreachable'; reason: string } | { kind: 'pass' | 'fail'; counts: Record<string, number>; bad: string[] };
