// Built-in campaign templates: JSON files in resources/templates, validated on load so a broken
// template names its file and the failing path instead of crashing a screen later.
import fs from 'node:fs';
import path from 'node:path';
import { CampaignTemplate } from '../../contract';
import { KepuError } from '../errors';

export class TemplateCatalog {
  private cache: Map<string, CampaignTemplate> | null = null;

  constructor(private readonly templatesDir: string) {}

  list(): CampaignTemplate[] {
    return [...this.load().values()];
  }

  get(id: string): CampaignTemplate {
    const template = this.load().get(id);
    if (!template) {
      throw new KepuError('TEMPLATE_UNKNOWN', `campaigns: unknown template "${id}"`, {
        id,
        known: [...this.load().keys()].join(', '),
      });
    }
    return template;
  }

  private load(): Map<string, CampaignTemplate> {
    if (this.cache) return this.cache;
    const found = new Map<string, CampaignTemplate>();
    const files = fs.readdirSync(this.templatesDir).filter((f) => f.endsWith('.json')).sort();
    for (const file of files) {
      const template = parseTemplateFile(path.join(this.templatesDir, file));
      found.set(template.id, template);
    }
    this.cache = found;
    return found;
  }
}

export function parseTemplateFile(file: string): CampaignTemplate {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KepuError('TEMPLATE_INVALID', `campaigns: ${file}: ${(error as Error).message}`, {
      file: path.basename(file),
      path: '',
    });
  }
  const parsed = CampaignTemplate.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join('.');
    throw new KepuError('TEMPLATE_INVALID', `campaigns: ${file}: ${where}: ${issue.message}`, {
      file: path.basename(file),
      path: where,
    });
  }
  return parsed.data;
}
