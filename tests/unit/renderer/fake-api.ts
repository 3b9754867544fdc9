// A stand-in for the renderer's transport (src-renderer/src/api.ts) in unit tests of its stores:
// `invoke` is a mock the test scripts; ApiError carries the code as the real one does. Use with
// vi.mock('<path to>/src-renderer/src/api', () => import('<path to>/fake-api')).
import { vi } from 'vitest';

export const invoke = vi.fn();

export class ApiError extends Error {
  code: string;
  constructor(body: { code: string; message: string }) {
    super(body.message);
    this.code = body.code;
  }
}
