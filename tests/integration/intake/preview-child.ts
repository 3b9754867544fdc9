// Run by xlsx-bomb.test.ts in a fresh process: intake:preview on one file, printing the error code,
// the time taken and how much the process's peak memory (max RSS) grew during the call, so the
// parent measures what a refusal really costs.
import fs from 'node:fs';
import path from 'node:path';
import { openTestApp } from '../../helpers';

const file = process.argv[2];
const app = openTestApp();
const template = app.ctx.templates.get('sichuan-influence-2023');
const campaign = app.ctx.campaigns.create(template.id, template.definition);
const source = { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') };
const rssBefore = process.resourceUsage().maxRSS; // kilobytes
const started = performance.now();
const result = await app.dispatch('intake:preview', { campaignId: campaign.id, source });
const ms = performance.now() - started;
const rssGrowthMb = (process.resourceUsage().maxRSS - rssBefore) / 1024;
app.ctx.close();
fs.rmSync(app.dataDir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ code: result.ok ? null : result.error.code, ms, rssGrowthMb }));
