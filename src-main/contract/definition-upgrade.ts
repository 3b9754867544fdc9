// Reading a campaign definition written in the first shape (programme files `kepu-programme/1`,
// campaigns created and packages issued before lists existed): one `rubric` and `eligibility` for the
// whole campaign, organizers as bare names. They are upgraded as they are read — the stored bytes
// are never rewritten, so a ranking snapshot locked over them still hashes the same input
// (core/ranking/snapshot hashes the stored definition). The upgrade:
// - rubric + eligibility become the campaign's one list, `main`, named like the campaign, fed by
//   every entry kind;
// - organizers become { name, role }: the first is the host (主办), the others organizers (承办) —
//   the first shape did not say, and a coordinator corrects roles in the Setup tab.
// Anything else passes through unchanged for the schema to judge. Pure: no zod, no imports.

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

export function upgradeDefinition(input: unknown): unknown {
  if (!isObject(input)) return input;
  let out: Loose = input;
  if (!('lists' in out) && 'rubric' in out) {
    const { rubric, eligibility, ...rest } = out;
    const kinds = Array.isArray(rest.entryKinds) ? rest.entryKinds.filter(isObject).map((k) => k.kind) : [];
    out = {
      ...rest,
      lists: [
        {
          key: 'main',
          name: rest.name,
          feeds: kinds.map((kind) => ({ kind, categories: null })),
          rubric,
          eligibility: eligibility ?? [],
          certificateKind: null,
        },
      ],
    };
  }
  if (Array.isArray(out.organizers) && out.organizers.some((o) => isObject(o) && !('role' in o) && 'zh-CN' in o)) {
    out = {
      ...out,
      organizers: out.organizers.map((o, i) => (isObject(o) && !('role' in o) && 'zh-CN' in o ? { name: o, role: i === 0 ? 'host' : 'organizer' } : o)),
    };
  }
  return out;
}

/** Whether a definition is in the first shape (what a `kepu-programme/1` file holds). */
export function isFirstShape(input: unknown): boolean {
  return isObject(input) && !('lists' in input) && 'rubric' in input;
}
