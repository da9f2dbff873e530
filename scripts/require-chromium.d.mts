/** Types of require-chromium.mjs for the TypeScript test harness and benchmarks. */
export declare const CHROMIUM_CANDIDATES: string[];
/** The first executable Chromium among CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser. */
export declare function findChromium(): string | null;
