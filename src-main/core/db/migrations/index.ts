// The schema history, listed explicitly and in order. Append only.
import type { Migration } from '../migration';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-intake';
import { migration0003 } from './0003-reviews';
import { migration0004 } from './0004-exchange';
import { migration0005 } from './0005-ranking';
import { migration0006 } from './0006-certificates';
import { migration0007 } from './0007-package-pinning';
import { migration0008 } from './0008-programmes';
import { migration0009 } from './0009-campaign-archive';
import { migration0010 } from './0010-intake-brands-early';
import { migration0011 } from './0011-definition-versions';
import { migration0012 } from './0012-campaign-files';
import { migration0013 } from './0013-audit-chain';
import { migration0014 } from './0014-entry-decisions';
import { migration0015 } from './0015-score-overrides';
import { migration0016 } from './0016-notices';
import { migration0017 } from './0017-formal-checks';
import { migration0020 } from './0020-shortlists';
import { migration0021 } from './0021-entry-origins';
import { migration0022 } from './0022-judge-roster';
import { migration0023 } from './0023-entrant-feedback';
import { migration0024 } from './0024-mail-registrations';
import { migration0025 } from './0025-membership-steps';
import { migration0026 } from './0026-generated-reg-nos';
import { migration0027 } from './0027-evidence-items';
import { migration0028 } from './0028-change-token';

import { migration0018 } from './0018-round-numbers';
import { migration0019 } from './0019-round-closures';

export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016, migration0017, migration0018, migration0019, migration0020, migration0021, migration0022, migration0023, migration0024, migration0025, migration0026, migration0027, migration0028];
export const latestSchemaVersion = migrations[migrations.length - 1].version;
