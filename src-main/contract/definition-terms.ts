// Words of a campaign definition that both the schema (domain.ts) and the renderer's editor list
// as values. Zod-free, so the renderer may import it (the layer table in eslint.config.mjs).

/** 主办 host · 承办 organizer · 协办 co-organizer · 支持 supporter · 媒体支持 media partner. */
export const organizerRoles = ['host', 'organizer', 'co_organizer', 'supporter', 'media'] as const;
export type OrganizerRole = (typeof organizerRoles)[number];

/** The ranking methods (contract/ranking.ts explains each), in the order the UI offers them. */
export const rankingMethods = ['mean', 'trimmed', 'median', 'zscore', 'borda'] as const;

/** The reach figures and public votes an entry may carry (contract/reach.ts), in the order shown. */
export const reachMetrics = ['followers', 'views', 'likes', 'shares', 'comments', 'votes'] as const;

/** How a list's blend turns a reach figure into its part of the score (core/ranking/blend.ts). */
export const reachBlendMethods = ['percentile', 'log'] as const;
