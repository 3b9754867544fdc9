// The review path reads the campaign definition through CampaignRepo.sharedDefinition (parsed once
// while its stored text stays the same, issue 18). A definition saved since is seen at the next
// read, by the review workspace too; definition() still gives every caller an object of its own.
import { describe, expect, it } from 'vitest';
import type { ReviewState } from '../../../src-main/contract';
import { syntheticEntries } from '../../e2e/seed';
import { ok, openTestApp } from '../../helpers';

describe('the shared campaign definition', () => {
  it('follows the stored definition and leaves definition() copies alone', async () => {
    const app = openTestApp();
    const { ctx } = app;
    const template = ctx.templates.get('sichuan-influence-2023');
    const campaign = ctx.campaigns.create(template.id, template.definition);
    const [entryId] = ctx.entries.insertMany(campaign.id, '2023-12-25T10:00:00.000Z', syntheticEntries(1));
    const judge = ctx.judges.create(campaign.id, '评委甲', null);
    ctx.judges.assign([{ entryId, judgeId: judge.id }], 'auto');
    const ref = { campaignId: campaign.id, judgeId: judge.id, entryId };

    const first = ctx.campaigns.sharedDefinition(campaign.id);
    expect(ctx.campaigns.sharedDefinition(campaign.id)).toBe(first);
    expect(ctx.campaigns.definition(campaign.id)).not.toBe(first);
    expect(ctx.campaigns.definition(campaign.id)).toEqual(first);
    expect((await ok<ReviewState>(app.dispatch('review:get', ref))).blind).toBe(false);

    // Saved since (as a new definition version is): the next read parses it again.
    const changed = { ...ctx.campaigns.definition(campaign.id), blindReview: true };
    ctx.db.prepare('UPDATE campaigns SET definition_json = ? WHERE id = ?').run(JSON.stringify(changed), campaign.id);
    expect(ctx.campaigns.sharedDefinition(campaign.id)).not.toBe(first);
    expect(ctx.campaigns.sharedDefinition(campaign.id).blindReview).toBe(true);
    const state = await ok<ReviewState>(app.dispatch('review:get', ref));
    expect(state.blind).toBe(true);
    expect(state.entrantName).toBeNull();
    ctx.close();
  });
});
