// Temporary folders for tests, removed when the test file ends (tests/setup/remove-temp-dirs.ts),
// so a run leaves nothing behind in the system's temporary folder. Kept apart from helpers.ts so
// the setup file that cleans up does not load the whole app for every unit test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const created = new Set<string>();

export function tempDir(prefix = 'kepu-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.add(dir);
  return dir;
}

/** Removes every folder tempDir made in this test file (after its last test: databases may stay open until then). */
export function removeTempDirs(): void {
  for (const dir of created) {
    // force: a test may already have removed it (or moved it away on purpose).
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    created.delete(dir);
  }
}
