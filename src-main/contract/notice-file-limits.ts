// Limits of the notice's attachment files, zod-free so the renderer can show them too.
// 1 MB = 10^6 bytes, like every size the app shows.
export const MAX_NOTICE_FILE_BYTES = 25_000_000;
export const MAX_CAMPAIGN_FILES_BYTES = 100_000_000;
