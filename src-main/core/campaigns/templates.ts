// Built-in campaign templates: programme files (.kepuprog, the format anyone can export and share)
// in resources/templates, validated on load like any programme file, so a broken template names
// its file and the failing path instead of crashing a screen later.
import fs from 'node:fs';
import path from 'node:path';
import type { CampaignTemplate } from '../../contract';
import { PROGRAMME_EXTENSION } from '../../contract/programme-format';
import { checkProgramme } from './programme-file';
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
    const files = fs.readdirSync(this.templatesDir).filter((f) => f.endsWith(PROGRAMME_EXTENSION)).sort();
    for (const file of files) {
      const template = parseTemplateFile(path.join(this.templatesDir, file));
      found.set(template.id, template);
    }
    this.cache = found;
    return found;
  }
}

export function parseTemplateFile(file: string): CampaignTemplate {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new KepuError('TEMPLATE_INVALID', `campaigns: ${file}: ${(error as Error).message}`, { file: path.basename(file), path: '' });
  }
  const check = checkProgramme(bytes, path.basename(file));
  if (!check.parsed) {
    const first = check.problems[0];
    throw new KepuError('TEMPLATE_INVALID', `campaigns: ${file}: ${first.path}: ${first.code}`, { file: path.basename(file), path: first.path });
  }
  const { format: _format, ...template } = check.parsed;
  return template;
}
