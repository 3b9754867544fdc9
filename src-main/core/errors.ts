// The one error type the core throws on purpose. It carries a stable contract code and the
// parameters the UI needs to translate it; anything else reaching the app layer is INTERNAL.
import type { AppErrorBody, ErrorCode, ErrorParams } from '../contract';

export class KepuError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, message: string, params: ErrorParams = {}) {
    super(message);
    this.name = 'KepuError';
    this.code = code;
    this.params = params;
  }

  toBody(): AppErrorBody {
    return { code: this.code, message: this.message, params: this.params };
  }
}

export function isKepuError(error: unknown): error is KepuError {
  return error instanceof KepuError;
}
