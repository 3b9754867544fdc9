// Words of a campaign definition that both the schema (domain.ts) and the renderer's editor list
// as values. Zod-free, so the renderer may import it (the layer table in eslint.config.mjs).

/** 主办 host · 承办 organizer · 协办 co-organizer · 支持 supporter · 媒体支持 media partner. */
export const organizerRoles = ['host', 'organizer', 'co_organizer', 'supporter', 'media'] as const;
export type OrganizerRole = (typeof organizerRoles)[number];

/** The ranking methods (contract/ranking.ts explains each), in the order the UI offers them. */
export const rankingMethods = ['mean', 'trimmed', 'median', 'zscore', 'borda'] as const;
