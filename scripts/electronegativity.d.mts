/** Types of electronegativity.mjs for its test. */
export declare const INPUT: string;
export declare function unexplainedDisables(dir?: string): string[];
export declare function check(
  input?: string,
): Promise<{ issues: { id: string; file: string; location: { line: number } }[]; errors: { file: string; message: string; tolerable: boolean }[]; unexplained: string[] }>;
