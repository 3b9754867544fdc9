// Every lazily built service's module, imported up front (services.ts): for the eager handler
// table (handlers.ts), whose users (the Electron main process, the tests, the benches) load
// everything anyway and may read any service at any time.
import * as publishedChanges from '../core/ranking/published-changes';
import * as ranking from '../core/ranking/ranking-service';
import * as reviews from '../core/review/review-service';
import * as rankingFlags from './entry-problem-text';
import { registerServiceModules } from './services';

registerServiceModules({ publishedChanges, reviews, ranking, rankingFlags });
