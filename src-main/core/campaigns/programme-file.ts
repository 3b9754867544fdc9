// Reading and writing programme files (.kepuprog; docs/formats.md "Programme file").
// Files in the first format (kepu-programme/1: one rubric, organizers as names) are read and
// upgraded; files are always written in the current one.
// Policy: a file is checked completely before anything is stored — JSON, then the schema (the
// first failing path is reported, as zod gives it), then the rules of validate-definition (all of
// them). Unlike packages and bundles a programme is not signed: people edit these files, so a
// byte-order mark and any key order or spacing are accepted, and files are written indented with
// sorted keys so two versions compare line by line.
import { type DefinitionProblem, type ErrorCode, PROGRAMME_FORMAT, PROGRAMME_FORMAT_V1, ProgrammeFile, type ProgrammeCheck } from '../../contract';
import { KepuError } from '../errors';
import { definitionProblems } from './validate-definition';

const MAX_PROGRAMME_BYTES = 4 * 1024 * 1024;

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value as object).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** The file's bytes: UTF-8 JSON, keys sorted, two-space indent, final newline. */
export function programmeBytes(programme: ProgrammeFile): Buffer {
  return Buffer.from(`${JSON.stringify(sorted(ProgrammeFile.parse(programme)), null, 2)}\n`, 'utf8');
}

/** Every problem of a file, without throwing; `programme` is set when it is usable. */
export function checkProgramme(bytes: Buffer, fileName: string): ProgrammeCheck & { parsed: ProgrammeFile | null } {
  const fail = (problem: DefinitionProblem) => ({ valid: false, problems: [problem], programme: null, definition: null, parsed: null });
  if (bytes.length > MAX_PROGRAMME_BYTES) return fail({ code: 'PROGRAMME_INVALID', path: '', params: { file: fileName, path: '(file)', detail: `larger than ${MAX_PROGRAMME_BYTES} bytes` } });
  let raw: unknown;
  try {
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    raw = JSON.parse(text);
  } catch (error) {
    return fail({ code: 'PROGRAMME_INVALID', path: '', params: { file: fileName, path: '(file)', detail: (error as Error).message.slice(0, 200) } });
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== PROGRAMME_FORMAT && format !== PROGRAMME_FORMAT_V1) {
    return fail({ code: 'PROGRAMME_FORMAT_UNSUPPORTED', path: 'format', params: { file: fileName, format: typeof format === 'string' ? format.slice(0, 60) : '—' } });
  }
  const parsed = ProgrammeFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join('.') || '(file)';
    return fail({ code: 'PROGRAMME_INVALID', path: where, params: { file: fileName, path: where, detail: issue.message.slice(0, 200) } });
  }
  const problems = definitionProblems(parsed.data.definition).map((p) => ({ ...p, params: { file: fileName, ...p.params, path: p.path } }));
  const programme = { id: parsed.data.id, name: parsed.data.definition.name, kind: parsed.data.definition.kind };
  return { valid: problems.length === 0, problems, programme, definition: parsed.data.definition, parsed: problems.length === 0 ? parsed.data : null };
}

/** The programme of a valid file, or the first problem as a KepuError. */
export function readProgramme(bytes: Buffer, fileName: string): ProgrammeFile {
  const check = checkProgramme(bytes, fileName);
  if (!check.parsed) {
    const first = check.problems[0];
    // Problem codes are error codes (tests/integration/campaigns/programme.test.ts checks each one).
    throw new KepuError(first.code as ErrorCode, `programme: ${fileName}: ${first.path}: ${first.code}`, first.params);
  }
  return check.parsed;
}
