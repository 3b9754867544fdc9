// Every handler's answer matches the response schema the contract declares for its channel (the
// renderer and the CLI rely on those types, which no compiler checks across the IPC/HTTP boundary).
// openTestApp checks every answer in every integration test (helpers.ts: checkingResponses); this
// test walks a coordinator's and a judge's day over the sample so the common channels are covered
// in one place, and says which ones it checked.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../src-main/app/dispatch';
import type { CampaignSummary, ChannelName } from '../../../src-main/contract';
import { checkingResponses, ok, openTestApp } from '../../helpers';

describe('answers and their declared response schemas', () => {
  it('every answer of a sample day parses against its channel’s response schema', async () => {
    const app = openTestApp();
    const checked = new Set<ChannelName>();
    const dispatch = checkingResponses(app.dispatch, checked);
    const call = <T>(channel: ChannelName, payload: unknown) => ok<T>(dispatch(channel, payload));

    await call('app:info', {});
    await call('settings:get', {});
    await call('template:list', {});
    await call('template:show', { templateId: 'sichuan-influence-2023' });
    const works = await call<CampaignSummary>('demo:load', {});
    await call('campaign:list', {});
    await call('campaign:get', { campaignId: works.id });
    await call('campaign:definitionVersions', { campaignId: works.id });
    await call('campaign:noticeFiles', { campaignId: works.id });
    const programme = await call<{ fileName: string; contentBase64: string }>('campaign:exportProgramme', { campaignId: works.id });
    await call('programme:check', { file: { fileName: programme.fileName, contentBase64: programme.contentBase64 } });
    const entries = await call<{ rows: { id: number }[] }>('entry:list', { campaignId: works.id });
    const entryId = entries.rows[0].id;
    const entry = await call<{ assets: { id: number }[] }>('entry:get', { entryId });
    if (entry.assets.length > 0) await call('media:assetState', { assetId: entry.assets[0].id });
    await call('compliance:report', { campaignId: works.id });
    await call('assignment:coverage', { campaignId: works.id });
    const judges = await call<{ judges: { id: string }[] }>('judge:list', { campaignId: works.id });
    const assigned = await call<{ judges: { judgeId: string; assigned: boolean }[] }>('assignment:entry', { campaignId: works.id, entryId });
    const judgeId = assigned.judges.find((j) => j.assigned)?.judgeId ?? judges.judges[0].id;
    await call('review:queue', { campaignId: works.id, judgeId });
    await call('review:get', { campaignId: works.id, judgeId, entryId });
    await call('review:score', { campaignId: works.id, judgeId, entryId, dimension: 'content', value: 8 });
    await call('review:comment', { campaignId: works.id, judgeId, entryId, body: '清楚 clear' });
    await call('identity:status', {});

    const dir = path.join(app.dataDir, 'sample-bundles');
    const files = fs.readdirSync(dir).sort().map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') }));
    await call('bundle:merge', { campaignId: works.id, files });
    await call('ranking:config', { campaignId: works.id });
    const summary = await call<{ categories: { kind: string; category: string | null; ranked: number }[] }>('ranking:summary', { campaignId: works.id });
    const category = summary.categories.find((c) => c.ranked > 1)!;
    const list = await call<{ rows: { entryId: number }[] }>('ranking:list', { campaignId: works.id, kind: category.kind, category: category.category, section: 'ranked', offset: 0, limit: 100 });
    await call('ranking:entry', { campaignId: works.id, entryId: list.rows[0].entryId });
    await call('ranking:snapshots', { campaignId: works.id });
    await call('ranking:export', { campaignId: works.id, format: 'csv' });
    const campaigns = await call<CampaignSummary[]>('campaign:list', {});
    const committee = campaigns.find((c) => c.id !== works.id)!;
    await call('ranking:committee', { campaignId: committee.id });
    await call('certificates:settings', { campaignId: works.id });
    await call('certificates:lists', { campaignId: works.id });
    await call('certificates:issued', { campaignId: works.id });
    await call('certificates:issuers', {});
    await call('settings:update', { language: 'en' });
    await call('audit:list', { campaignId: works.id });
    await call('audit:verify', {});
    await call('moderation:list', { campaignId: works.id });
    await call('formalCheck:list', { campaignId: works.id });
    await call('notice:list', { campaignId: works.id });
    await call('decision:set', { campaignId: works.id, entryId, kind: 'withdraw', reason: '作者撤回 withdrawn by the author' });
    await call('decision:list', { campaignId: works.id });
    await call('identity:create', { name: '王协调', passphrase: 'correct horse battery' });
    await call('ranking:lock', { campaignId: works.id });
    await call('notice:preview', { campaignId: works.id });
    await call('objection:list', { campaignId: works.id });

    expect([...checked].sort()).toEqual(
      [
        'app:info', 'settings:get', 'template:list', 'template:show', 'demo:load', 'campaign:list', 'campaign:get',
        'campaign:definitionVersions', 'campaign:noticeFiles', 'campaign:exportProgramme', 'programme:check', 'entry:list',
        'entry:get', 'compliance:report', 'assignment:coverage', 'judge:list', 'assignment:entry', 'review:queue', 'review:get',
        'review:score', 'review:comment', 'identity:status', 'bundle:merge', 'ranking:config', 'ranking:summary', 'ranking:list',
        'ranking:entry', 'ranking:snapshots', 'ranking:export', 'ranking:committee', 'certificates:settings', 'certificates:lists',
        'certificates:issued', 'certificates:issuers', 'settings:update', 'audit:list', 'audit:verify', 'moderation:list',
        'formalCheck:list', 'notice:list', 'identity:create', 'ranking:lock', 'notice:preview', 'objection:list', 'decision:set', 'decision:list',
        ...(entry.assets.length > 0 ? ['media:assetState' as const] : []),
      ].sort(),
    );
    app.ctx.close();
  });

  it('fails a test, naming the channel and the path, when an answer drifts from its schema', async () => {
    const handlers = { 'campaign:list': () => [{ id: 'c1', name: 'not localized' }] } as unknown as Parameters<typeof createDispatch>[0];
    const dispatch = checkingResponses(createDispatch(handlers, () => {}));
    await expect(dispatch('campaign:list', {})).rejects.toThrow(/^campaign:list: the answer does not match its response schema at 0\./);
  });
});
