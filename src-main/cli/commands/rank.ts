// kepu rank --campaign <id> [--method m] [--json|--csv] [--lock <file>] [--publish [--passphrase-env VAR]]
// kepu rank --verify <file>
// The ranking of a campaign from the merged scores, per category, with non-compliant media held
// out, and a committee campaign's member list; --lock writes the reproducible snapshot; --publish
// signs and publishes it as the app's Publish does (certificates come from it); --verify
// recomputes one and names the first change.
import type { i18n } from 'i18next';
import fs from 'node:fs';
import path from 'node:path';
import { csvRow } from '../../core/export/csv';
import { type RankingMethod, rankingMethods } from '../../core/ranking/config';
import crypto from 'node:crypto';
import { readLockFileWithLines } from '../../core/ranking/lock-file';
import { judgesOnlyRanksOf } from '../../core/ranking/ranking-rows';
import { buildSnapshot, snapshotBytes } from '../../core/ranking/snapshot';
import { snapshotLines } from '../../core/ranking/snapshot-store';
import { verifyExplained } from '../../core/ranking/verify';
import { differencesView, dimensionLabel } from '../../app/verify-differences';
import { carriedLine, differenceLines, snapshotPart, snapshotPartText } from '../../contract/verify-text';
import { formatInZone } from '../../contract/zoned-time';
import { writeFileAtomic } from '../../core/files/atomic-write';
import { parseCommand, UsageError } from '../args';
import { CliFailure } from '../failure';
import { readProblem } from '../input-file';
import { openRuntime } from '../runtime';
import { loadServices } from '../../app/services';
import { passphraseFromEnv, unlockWith } from '../passphrase';

type T = i18n['t'];

const isRankingMethod = (method: string): method is RankingMethod => (rankingMethods as readonly string[]).includes(method);

export async function runRank(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, {
    campaign: { type: 'string' },
    method: { type: 'string' },
    csv: { type: 'boolean' },
    lock: { type: 'string' },
    verify: { type: 'string' },
    publish: { type: 'boolean' },
    'passphrase-env': { type: 'string' },
  });
  const passphrase = values.publish ? passphraseFromEnv(values['passphrase-env'], t) : undefined;
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    if (values.verify) {
      const file = values.verify as string;
      let snapshot;
      let lines;
      try {
        rt.ctx.protectedFiles.assertNotProtected(file); // the database is open here: never read it as a file
        ({ snapshot, lines } = readLockFileWithLines(fs.readFileSync(path.resolve(file), 'utf8')));
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ? readProblem(t, error) : (error as Error).message;
        throw new CliFailure('RANKING_SNAPSHOT_INVALID', t('cli.rank.badSnapshot', { file, reason }), { file, reason }, { equal: false });
      }
      // The lines kept at lock time: in an exported lock file, else with the same result published in this database.
      lines ??= snapshotLines(rt.ctx.db, { sha256: crypto.createHash('sha256').update(snapshotBytes(snapshot)).digest('hex') });
      const { comparison: result, detail, differences } = verifyExplained(rt.ctx.db, snapshot, lines);
      if (result.equal) {
        process.stdout.write(values.json ? `${JSON.stringify({ ok: true, equal: true }, null, 2)}\n` : `${t('cli.rank.verified')}\n`);
        return 0;
      }
      // Text: each named change on stdout, then the one-line failure on stderr; --json: all of it in the answer.
      if (!values.json) {
        const carried = carriedLine(t, result.path, result.locked, result.recomputed);
        const named = differenceLines(t, result.path, detail, differencesView(differences), dimensionLabel(rt.ctx, snapshot.campaignId, t('meta.language') === 'en' ? 'en' : 'zh-CN'), carried);
        process.stdout.write(named.map((l) => `${l}\n`).join(''));
      }
      throw new CliFailure('RANKING_SNAPSHOT_DIFFERS', t('errors.RANKING_SNAPSHOT_DIFFERS', { part: snapshotPartText(t, result.path) }), { path: result.path, part: snapshotPart(result.path) }, { equal: false, detail, differences: differencesView(differences) });
    }
    if (!values.campaign) throw new UsageError(t('cli.missingOption', { option: '--campaign <id>' }));
    const asked = values.method as string | undefined;
    const campaignId = values.campaign as string;
    await loadServices(['ranking']); // rt.ctx.ranking below (app/services.ts)
    // Without --method: the stored primary one (CAMPAIGN_NOT_FOUND, translated by main, for an unknown campaign).
    const method = asked ?? rt.ctx.ranking.storedConfig(campaignId).config.primary;
    if (!isRankingMethod(method)) throw new UsageError(t('cli.rank.badMethod', { method, choices: rankingMethods.join(', ') }));
    // The app's ranking service: the campaign's stored settings (tiers, tie-breaks…) and the same
    // flags as the app's, ranked by the method asked for.
    const { data, flags, decisions, outcome } = rt.ctx.ranking.run(campaignId, method);
    if (values.lock) {
      // Atomic (never half a lock file), DISK_FULL naming the folder when the disk is full.
      writeFileAtomic(path.resolve(values.lock as string), snapshotBytes(buildSnapshot(data, outcome, flags, decisions)));
    }
    // Without --method each category shows its published list (a list may rank by its programme's own method).
    const shownOf = (c: (typeof outcome.categories)[number]) => c.lists[(asked ?? c.method) as keyof typeof c.lists];
    // A list that blends reach into its score (issue 16): each row also carries the judges' score
    // alone and the rank it alone would give, as the app's rows and the CSV export show them.
    const aggregates = new Map(outcome.aggregate.entries.map((a) => [a.entryId, a]));
    const judgesOnlyIn = (c: (typeof outcome.categories)[number]) => {
      const list = shownOf(c);
      const m = (asked ?? c.method) as RankingMethod;
      const ranks = list ? judgesOnlyRanksOf(aggregates, list, m) : new Map<number, number>();
      return (entryId: number) => {
        const blend = aggregates.get(entryId)?.blend;
        return blend ? { judgesOnly: { rank: ranks.get(entryId) ?? null, score: blend.judges.scores[m] ?? null, metric: blend.metric, value: blend.value, hadFigure: blend.hadFigure } } : {};
      };
    };
    const rows = outcome.categories.flatMap((c) => {
      const own = judgesOnlyIn(c);
      return (shownOf(c)?.ranked ?? []).map((r) => ({ kind: c.kind, category: c.category, ...r, ...own(r.entryId) }));
    });
    const blends = rows.some((r) => 'judgesOnly' in r);
    const held = outcome.categories.flatMap((c) => (shownOf(c)?.held ?? []).map((h) => ({ kind: c.kind, category: c.category, ...h })));
    // Entries of a list shown by the trimmed mean with too few judges to drop the extremes carry the
    // plain mean: said, as the app's ranking tab says it (it used to be silent here).
    const needed = outcome.config.trimMinJudges;
    const fallbacks = outcome.categories.flatMap((c) => {
      const entries = (asked ?? c.method) === 'trimmed' ? (shownOf(c)?.ranked ?? []).filter((r) => r.judges < needed).length : 0;
      return entries > 0 ? [{ kind: c.kind, category: c.category, entries, needed }] : [];
    });
    // A committee campaign selects members rather than ranking works: its list, by name.
    const committee = outcome.committee ? await rt.call('ranking:committee', { campaignId }) : null;
    let published = null;
    if (values.publish) {
      unlockWith(rt, passphrase);
      published = await rt.call('ranking:lock', { campaignId });
    }
    if (values.json) process.stdout.write(`${JSON.stringify({ method, ranked: rows, held, trimFallbacks: fallbacks, ...(committee ? { committee } : {}), ...(published ? { published } : {}) }, null, 2)}\n`);
    else if (values.csv) {
      process.stdout.write(`${csvRow(['kind', 'category', 'rank', 'regNo', 'score', 'judges', 'tier', ...(blends ? ['judgesOnlyScore', 'judgesOnlyRank', 'reachFigure'] : [])])}\n`);
      for (const r of rows) {
        const own = 'judgesOnly' in r ? r.judgesOnly : undefined;
        const blended = blends ? [own?.score ?? '', own?.rank ?? '', own ? (own.hadFigure ? own.value : '') : ''] : [];
        process.stdout.write(`${csvRow([r.kind, r.category, r.rank, r.regNo, r.score, r.judges, r.tier, ...blended])}\n`);
      }
    } else {
      for (const c of outcome.categories) {
        const list = shownOf(c);
        if (!list) continue;
        process.stdout.write(`\n${c.kind}${c.category ? `/${c.category}` : ''}\n`);
        const own = judgesOnlyIn(c);
        for (const r of list.ranked) {
          // Beside a blended score: the judges' rank and score alone, as the PDF report prints them.
          const alone = own(r.entryId).judgesOnly;
          const judgesOnly = alone ? `\t${t('ranking.blend.judgesOnly')} ${alone.rank ?? '—'} · ${alone.score === null ? '—' : alone.score.toFixed(2)}` : '';
          process.stdout.write(`  ${String(r.rank).padStart(3)}  ${r.regNo}\t${r.score.toFixed(2)}\t${t('cli.rank.judges', { count: r.judges })}${judgesOnly}\n`);
        }
        const fallback = fallbacks.find((f) => f.kind === c.kind && f.category === c.category);
        if (fallback) process.stdout.write(`  ${t('ranking.fallback.trimmed', { count: fallback.entries, n: fallback.needed })}\n`);
        if (list.held.length) process.stdout.write(`  ${t('cli.rank.held', { count: list.held.length, list: list.held.map((h) => `${h.regNo} (${h.flags.map((f) => f.code).join(', ')})`).join('; ') })}\n`);
      }
      if (committee) {
        process.stdout.write(`\n${t('cli.rank.committeeMembers', { count: committee.members.length })}\n`);
        for (const m of committee.members) process.stdout.write(`  ${m.regNo}\t${m.name}${m.unit ? `\t${m.unit}` : ''}${m.score === null ? '' : `\t${m.score.toFixed(2)}`}\n`);
        if (committee.rejected.length) process.stdout.write(`${t('cli.rank.committeeRejected', { count: committee.rejected.length })}\n`);
        if (committee.held.length) process.stdout.write(`${t('cli.rank.committeeHeld', { count: committee.held.length })}\n`);
      }
      if (published) process.stdout.write(`\n${t('cli.rank.published', { at: formatInZone(published.lockedAt, rt.ctx.campaigns.definition(campaignId).timeZone), signer: published.signerName, fingerprint: published.signerFingerprint })}\n`);
    }
    return 0;
  } finally {
    rt.close();
  }
}
