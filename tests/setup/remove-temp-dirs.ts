// Runs in every test file: the temporary folders tempDir() made go when the file's tests are done.
import { afterAll } from 'vitest';
import { removeTempDirs } from '../temp-dirs';

afterAll(removeTempDirs);
