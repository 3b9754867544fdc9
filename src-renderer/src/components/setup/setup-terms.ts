// The value lists the Setup editor offers (entry kinds, field types, media an entry can link). The
// renderer may not import values from the zod schemas (the layer table in eslint.config.mjs), so they are
// written out here; the type checks below fail the build if the contract gains or loses one.
import type { EntryKind, EntryRule, FieldType } from '../../../../src-main/contract';

export const entryKindNames = ['work', 'account', 'individual', 'applicant', 'brand'] as const satisfies readonly EntryKind[];

export const fieldTypeNames = ['text', 'longtext', 'number', 'date', 'datetime', 'choice', 'phone', 'email', 'url', 'file'] as const satisfies readonly FieldType[];

export type MediaRole = Extract<EntryRule['anyOf'][number], { media: string }>['media'];
export const mediaRoleNames = ['video', 'image', 'screenshot', 'document'] as const satisfies readonly MediaRole[];

// Exhaustiveness: each list names every value of its type.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : false;
const everyKind: Missing<EntryKind, (typeof entryKindNames)[number]> = true;
const everyType: Missing<FieldType, (typeof fieldTypeNames)[number]> = true;
const everyRole: Missing<MediaRole, (typeof mediaRoleNames)[number]> = true;
void [everyKind, everyType, everyRole];
