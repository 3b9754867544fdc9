// Reading and writing programme files (.kepuprog; docs/formats.md "Programme file").
// Files in the first format (kepu-programme/1: one rubric, organizers as names) are read and
// upgraded; files are always written in the current one.
// Policy: a file is checked completely before anything is stored — JSON, then the schema (the
// first failing path is reported, as zod gives it), then the rules of validate-definition (all of
// them). Unlike packages and bundles a programme is not signed: people edit these files, so a
// byte-order mark and any key order or spacing are accepted, and files are written indented with
// sorted keys so two versions compare line by line.
// Attachments (the notice's files, base64 inside the file) are checked like the definition: each
// one's SHA-256 (PROGRAMME_ATTACHMENT_CORRUPT naming it), the limits a campaign's files have, and
// unique names; a programme without attachments is written without the key, as before.
import { createHash } from 'node:crypto';
import type { DefinitionProblem, ErrorCode, ProgrammeAttachment, ProgrammeCheck } from '../../contract';
import { MAX_CAMPAIGN_FILES_BYTES } from '../../contract/notice-file-limits';
import { PROGRAMME_FORMAT, PROGRAMME_FORMAT_V1, ProgrammeFile } from '../../contract/programme';
import { KepuError } from '../errors';
import { assertCampaignFilesTotal, assertNoticeFileSize, noticeFileName } from './notice-files';
import { definitionProblems } from './validate-definition';

/**
 * Room for a campaign's attachments at their limit (100 MB, base64: 4 bytes for every 3) and the
 * definition around them. Checked before the file is parsed.
 */
export const MAX_PROGRAMME_BYTES = Math.ceil(MAX_CAMPAIGN_FILES_BYTES / 3) * 4 + 8 * 1024 * 1024;

/** A programme's attachments as files to store: names made safe, bytes decoded. */
export function attachmentFiles(programme: ProgrammeFile): { fileName: string; bytes: Buffer }[] {
  return (programme.attachments ?? []).map((a) => ({ fileName: noticeFileName(a.fileName), bytes: Buffer.from(a.data, 'base64') }));
}

/** A campaign's stored attachments as a programme file carries them (none: the key is left out). */
export function toAttachments(files: { fileName: string; mediaType: string; sha256: string; bytes: Buffer }[]): ProgrammeAttachment[] | undefined {
  if (files.length === 0) return undefined;
  return files.map((f) => ({ fileName: f.fileName, mediaType: f.mediaType, sha256: f.sha256, data: f.bytes.toString('base64') }));
}

/** Problems of the attachments: checksum, size, total, same name twice. Each names the attachment. */
function attachmentProblems(attachments: readonly ProgrammeAttachment[], programmeName: string): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seen = new Set<string>();
  let total = 0;
  attachments.forEach((a, i) => {
    const where = `attachments.${i}`;
    const name = noticeFileName(a.fileName);
    const problem = (code: ErrorCode, params: Record<string, string | number>) => problems.push({ code, path: where, params: { ...params, file: name, programme: programmeName, path: where } });
    const bytes = Buffer.from(a.data, 'base64');
    if (createHash('sha256').update(bytes).digest('hex') !== a.sha256) return problem('PROGRAMME_ATTACHMENT_CORRUPT', {});
    const key = name.replace(/[A-Z]/g, (c) => c.toLowerCase());
    if (seen.has(key)) return problem('NOTICE_FILE_EXISTS', {});
    seen.add(key);
    try {
      assertNoticeFileSize(name, bytes.length);
      total += bytes.length;
      assertCampaignFilesTotal(name, total);
    } catch (error) {
      if (!(error instanceof KepuError)) throw error;
      problem(error.code, error.params as Record<string, string | number>);
    }
  });
  return problems;
}

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
  const problems = [
    ...definitionProblems(parsed.data.definition).map((p) => ({ ...p, params: { file: fileName, ...p.params, path: p.path } })),
    ...attachmentProblems(parsed.data.attachments ?? [], fileName),
  ];
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
