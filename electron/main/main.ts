/**
 * Electron's entry point, bundled to dist/electron/main.cjs (package.json "main").
 * Bundled as CommonJS, so __dirname is dist/electron.
 */
import { bundledPaths, startDesk } from './desk';

startDesk(process.argv, bundledPaths(__dirname));
