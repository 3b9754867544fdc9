// The programme file's format names and extension, zod-free: the template catalog and the renderer
// need these strings without building the programme file's schemas (programme.ts; issue 18).
/** Written today: a definition with lists, organizer roles, contact and notice. */
export const PROGRAMME_FORMAT = 'kepu-programme/2';
/** Still read: one rubric for the whole campaign, organizers as names (upgraded on reading). */
export const PROGRAMME_FORMAT_V1 = 'kepu-programme/1';
export const PROGRAMME_EXTENSION = '.kepuprog';
