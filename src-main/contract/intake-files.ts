// Files around a registration import (issue 16): the campaign's import template (XLSX with its
// headers and the allowed values as drop-down lists) to send to entrants or paste a form into, and
// the rows an import refused, as XLSX (the file's own columns plus the reason) to send back.
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { ExportFile } from './compliance';
import { ImportOptions, IntakeSource } from './intake';

const Id = z.string().min(1).max(100);
const Language = z.enum(['zh-CN', 'en']).default('zh-CN');

export const intakeFileChannels = {
  /** An empty registration workbook for this campaign: headers in the language asked for, choices as lists. */
  'intake:template': { request: z.object({ campaignId: Id, language: Language }).strict(), response: ExportFile },
  /** The refused rows of this file (read as `intake:import` reads it), with the file's columns and the reasons. */
  'intake:rejectedRows': {
    request: z.object({ campaignId: Id, source: IntakeSource, options: ImportOptions.default({ encoding: 'auto' }), language: Language }).strict(),
    response: ExportFile,
  },
} as const satisfies ChannelMap;
