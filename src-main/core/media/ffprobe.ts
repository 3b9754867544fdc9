// Runs ffprobe-static, the one probe the app uses (DESIGN.md §4), and parses what it prints.
// Policy: no shell (execFile with an argument array, absolute paths so a name starting with "-" or
// containing "proto:" is never read as an option or a protocol), a timeout and an output cap so a
// hostile file cannot hang or flood us, and a lenient zod schema: every field optional, unknown
// fields kept, a field of an unexpected type dropped rather than failing the whole probe — ffprobe
// versions differ, the facts we need do not.
import ffprobeStatic from 'ffprobe-static';
import { execFile } from 'node:child_process';
import { z } from 'zod';
import { ffprobeBinaryProblem, ffprobeFileArgument } from './ffprobe-binary';

export const FFPROBE_TIMEOUT_MS = 30_000;
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

/**
 * KEPU_FFPROBE when set; else the ffprobe-static binary. Inside a packaged Electron app the binary
 * cannot execute from within app.asar, so the path points at the app.asar.unpacked copy.
 */
export function ffprobePath(env: NodeJS.ProcessEnv = process.env, bundled: string = (ffprobeStatic as { path: string }).path): string {
  if (env.KEPU_FFPROBE) return env.KEPU_FFPROBE;
  return bundled.replace(/app\.asar(?!\.unpacked)(?=[\\/])/, 'app.asar.unpacked');
}

/** A field that is dropped (undefined) when absent or of an unexpected type. */
const opt = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
/** ffprobe prints most numbers as strings ("2.000000"); some versions print numbers. */
const numberish = opt(z.union([z.number(), z.string()]));

export const FfprobeStream = z.looseObject({
  index: opt(z.number()),
  codec_name: opt(z.string()),
  codec_type: opt(z.string()),
  width: opt(z.number()),
  height: opt(z.number()),
  avg_frame_rate: opt(z.string()),
  r_frame_rate: opt(z.string()),
  bit_rate: numberish,
  duration: numberish,
  disposition: opt(z.looseObject({ attached_pic: opt(z.number()) })),
  tags: opt(z.record(z.string(), z.unknown())),
  side_data_list: opt(z.array(z.looseObject({ side_data_type: opt(z.string()), rotation: numberish }))),
});
export type FfprobeStream = z.infer<typeof FfprobeStream>;

export const FfprobeOutput = z.looseObject({
  streams: opt(z.array(FfprobeStream)),
  format: opt(
    z.looseObject({
      format_name: opt(z.string()),
      duration: numberish,
      size: numberish,
      bit_rate: numberish,
      tags: opt(z.record(z.string(), z.unknown())),
    }),
  ),
});
export type FfprobeOutput = z.infer<typeof FfprobeOutput>;

export type FfprobeRun =
  | { ok: true; output: FfprobeOutput }
  | { ok: false; reason: 'exit' | 'timeout' | 'invalid-output'; detail: string };

export interface FfprobeOptions {
  /** Aborting kills the running ffprobe; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
  timeoutMs?: number;
  binary?: string;
}

/**
 * Runs `ffprobe -v error -print_format json -show_format -show_streams <file>`. Resolves with the
 * parsed output, or with why ffprobe could not read the file. Rejects only when ffprobe itself
 * cannot be started (a setup problem, not a property of the file) or when aborted.
 */
export function runFfprobe(file: string, options: FfprobeOptions = {}): Promise<FfprobeRun> {
  const binary = options.binary ?? ffprobePath();
  const timeout = options.timeoutMs ?? FFPROBE_TIMEOUT_MS;
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', ffprobeFileArgument(file)];
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      args,
      { timeout, killSignal: 'SIGKILL', maxBuffer: MAX_OUTPUT_BYTES, signal: options.signal, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (options.signal?.aborted) {
          reject(abortError(options.signal));
          return;
        }
        if (error) {
          const failure = error as Error & { code?: string | number | null; killed?: boolean; signal?: string | null };
          if (failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
            resolve({ ok: false, reason: 'invalid-output', detail: `ffprobe printed more than ${MAX_OUTPUT_BYTES} bytes` });
            return;
          }
          if (typeof failure.code === 'string') {
            // ENOENT, EACCES, EBADARCH…: the binary, not the file, is the problem. Say what to
            // install when it is built for another processor or missing for this system.
            reject(ffprobeBinaryProblem(binary) ?? new Error(`media: cannot run ffprobe at ${binary}: ${failure.message}`));
            return;
          }
          if (failure.killed) {
            resolve({ ok: false, reason: 'timeout', detail: `ffprobe timed out after ${timeout / 1000} s` });
            return;
          }
          // A non-zero exit, or a crash on a hostile file (killed by a signal we did not send).
          const how = failure.signal ? `was killed by ${failure.signal}` : `exited with ${String(failure.code)}`;
          resolve({ ok: false, reason: 'exit', detail: stderrSummary(stderr) || `ffprobe ${how}` });
          return;
        }
        let json: unknown;
        try {
          json = JSON.parse(stdout);
        } catch {
          resolve({ ok: false, reason: 'invalid-output', detail: 'ffprobe printed something that is not JSON' });
          return;
        }
        const parsed = FfprobeOutput.safeParse(json);
        if (!parsed.success) {
          resolve({ ok: false, reason: 'invalid-output', detail: `ffprobe output: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}` });
          return;
        }
        resolve({ ok: true, output: parsed.data });
      },
    );
  });
}

/**
 * ffprobe's messages, without the "[mov,mp4,… @ 0x…]" context and the "<file>: " prefix (the
 * caller knows the file), deduplicated, on one short line.
 */
function stderrSummary(stderr: string): string {
  const messages = stderr
    .split(/\r?\n/)
    .map((line) => line.replace(/^\[[^\]]*\]\s*/, '').trim())
    .map((line) => {
      const colon = line.lastIndexOf(': ');
      return colon >= 0 && /[\\/.]/.test(line.slice(0, colon)) ? line.slice(colon + 2) : line;
    })
    .filter(Boolean);
  return [...new Set(messages)].join('; ').slice(0, 300);
}

function abortError(signal: AbortSignal): Error {
  const reason = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error('media: probe aborted');
  error.name = 'AbortError';
  return error;
}
