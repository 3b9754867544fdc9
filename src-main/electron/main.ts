// The desktop shell's entry point (out/main/index.js): everything happens in lifecycle.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { desktopPaths, startDesktop } from './lifecycle';

startDesktop(desktopPaths(path.dirname(fileURLToPath(import.meta.url))));
