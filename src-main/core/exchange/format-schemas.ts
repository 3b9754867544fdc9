// The exchange formats' JSON Schemas, generated from the zod schemas the readers use, so the
// documentation (docs/formats.md, checked by a test) cannot drift from the code. Input schemas:
// they describe what a reader accepts. Refinements zod cannot express in JSON Schema (unique entry
// ids, canonical base64, one size per hash) are stated in the prose of the documentation.
import { z } from 'zod';
import { BackupManifest } from '../../contract/backup';
import { ProgrammeFile } from '../../contract/programme';
import { KeyCard } from '../keys/key-card';
import { KeyFile } from '../keys/key-store';
import { ShortlistFilePayload } from '../shortlist/shortlist-file';
import { BundlePayload } from './bundle';
import { Envelope } from './dsse';
import { PackageManifest } from './package-manifest';

export const formatSchemas = {
  envelope: Envelope,
  keycard: KeyCard,
  bundle: BundlePayload,
  package: PackageManifest,
  keyfile: KeyFile,
  programme: ProgrammeFile,
  shortlist: ShortlistFilePayload,
  'data-backup': BackupManifest,
} as const;

export type FormatName = keyof typeof formatSchemas;

export function jsonSchemaText(name: FormatName): string {
  return JSON.stringify(z.toJSONSchema(formatSchemas[name], { io: 'input' }), null, 2);
}
